package org.invigil.web.boundary;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.invigil.json.control.JsonRefused;
import org.invigil.web.control.Problem;

/** A request body that is not the JSON it claims to be. */
@Provider
public class JsonErrorMapper implements ExceptionMapper<JsonException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(JsonException failure) {
        if (failure instanceof JsonRefused refused) {
            return ProblemResponses.of(RefusalMapper.problem(refused.refusal()), headers);
        }
        return ProblemResponses.of(Problem.badRequest("json_malformed", "The request body is not valid JSON: "
                + failure.getMessage()), headers);
    }
}
