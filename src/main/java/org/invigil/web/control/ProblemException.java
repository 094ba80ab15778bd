package org.invigil.web.control;

/**
 * The family of expected failures: each carries the {@link Problem} its caller is told. Components extend it with
 * their own types ({@code LaunchRejected}, {@code RegistrationRefused}, ...); one mapper answers them all.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(problem.code() + ": " + problem.detail(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
