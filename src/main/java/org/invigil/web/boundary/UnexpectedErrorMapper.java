package org.invigil.web.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.web.control.Problem;

/**
 * A bug or an outage: logged in full under a reference, answered with that reference and no internals. Any 5xx a
 * caller sees comes from here, and every one of them is a defect to fix (an expected failure is a
 * {@link org.invigil.web.control.ProblemException}).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        return toResponse(failure, headers);
    }

    Response toResponse(Throwable failure, HttpHeaders requestHeaders) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, failure);
        Problem problem = new Problem(500, "unexpected", "Something went wrong on our side",
                "Invigil could not finish this request. Nothing you sent was lost; try again in a moment. "
                        + "Reference " + reference + ".");
        return ProblemResponses.of(problem, requestHeaders);
    }
}
