package org.invigil.web.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.invigil.web.control.Problem;

/** JAX-RS's own refusals (unknown path, wrong method, unsupported media type) in the same shape as ours. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return new UnexpectedErrorMapper().toResponse(failure, headers);
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address cannot answer in any of the accepted media types.";
            case 415 -> "This address does not accept that content type.";
            default -> failure.getMessage() == null ? "The request was refused." : failure.getMessage();
        };
        Problem problem = new Problem(status, "http_" + status, original.getStatusInfo().getReasonPhrase(), detail);
        Response answer = ProblemResponses.of(problem, headers);
        if (original.getHeaderString("Allow") != null) {
            answer.getHeaders().putSingle("Allow", original.getHeaderString("Allow"));
        }
        return answer;
    }
}
