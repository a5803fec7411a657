package dev.tandem.platform.problem;

import java.util.List;

/**
 * Thrown by domain and application code to answer with a problem; mapped to {@code application/problem+json}.
 *
 * <p>Use the factories: they fix the status and the problem type so the same situation always reads the same.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = new Problem(Problem.TYPE_BASE + typeSlug, title, status, detail, null, null,
                errors == null ? List.of() : List.copyOf(errors));
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** 400: the request is malformed or a parameter is invalid. */
    public static ProblemException badRequest(String detail, Problem.FieldError... errors) {
        return new ProblemException(400, "validation", "Invalid request", detail, List.of(errors));
    }

    /** 404: {@code what} with id {@code id} does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    /** 409: the request conflicts with the current state (duplicate key, illegal state change). */
    public static ProblemException conflict(String detail, Problem.FieldError... errors) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(errors));
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    /** 428: an update without {@code If-Match}. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail, List.of());
    }

    /** 422: well-formed, but breaks a business rule or names something unknown. */
    public static ProblemException unprocessable(String detail, Problem.FieldError... errors) {
        return new ProblemException(422, "unprocessable", "Unprocessable request", detail, List.of(errors));
    }
}
