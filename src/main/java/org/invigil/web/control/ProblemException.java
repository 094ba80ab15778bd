package org.invigil.web.control;

import org.invigil.refusal.entity.Refusal;

/**
 * A refusal that already says its HTTP answer: the {@link Problem} its caller is told. What boundaries and HTTP
 * plumbing throw; a component's control throws its own {@link Refusal} instead, which names a kind, not a status.
 * Controls not yet moved to their own refusal types still extend this one (see ArchitectureTest's frozen list).
 */
public class ProblemException extends Refusal {

    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(kindOf(problem.status()), problem.code(), problem.title(), problem.detail(), cause);
        this.problem = problem;
    }

    /** The refusal's kind for a status, so that screens and logs can treat every refusal alike. */
    static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.NOT_SIGNED_IN;
            case 403 -> Kind.NOT_YOURS;
            case 404 -> Kind.UNKNOWN;
            case 409 -> Kind.NOT_NOW;
            case 410 -> Kind.GONE;
            case 413 -> Kind.TOO_LARGE;
            case 415 -> Kind.UNSUPPORTED_TYPE;
            case 422 -> Kind.UNUSABLE;
            case 502 -> Kind.UPSTREAM_FAILED;
            case 504 -> Kind.UPSTREAM_SLOW;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.INVALID;
        };
    }

    public Problem problem() {
        return problem;
    }
}
