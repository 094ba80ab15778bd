package org.invigil.web.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.web.control.ProblemException;

/** Expected failures: the caller is told what is wrong; the log keeps the detail. */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException failure) {
        LOG.log(Level.INFO, "Refused: {0}", failure.getMessage());
        if (failure.getCause() != null) {
            LOG.log(Level.FINE, "Cause", failure.getCause());
        }
        return ProblemResponses.of(failure.problem(), headers);
    }
}
