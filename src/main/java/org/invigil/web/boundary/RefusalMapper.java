package org.invigil.web.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.refusal.entity.Refusal;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * A component's refusal, answered: its kind gives the status, its words the problem. (A {@code ProblemException},
 * which carries its status already, goes to {@link ProblemMapper}.)
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    private static final Logger LOG = Logger.getLogger(RefusalMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Refusal refusal) {
        LOG.log(Level.INFO, "Refused: {0}", refusal.getMessage());
        if (refusal.getCause() != null) {
            LOG.log(Level.FINE, "Cause", refusal.getCause());
        }
        return ProblemResponses.of(problem(refusal), headers);
    }

    /** The problem a refusal is answered with (a {@code ProblemException} names its own). */
    public static Problem problem(Refusal refusal) {
        if (refusal instanceof ProblemException withStatus) {
            return withStatus.problem();
        }
        return new Problem(status(refusal.kind()), refusal.code(), refusal.title(), refusal.detail());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_SIGNED_IN -> 401;
            case NOT_YOURS -> 403;
            case UNKNOWN -> 404;
            case NOT_NOW -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNUSABLE -> 422;
            case UPSTREAM_FAILED -> 502;
            case UNAVAILABLE -> 503;
            case UPSTREAM_SLOW -> 504;
        };
    }
}
