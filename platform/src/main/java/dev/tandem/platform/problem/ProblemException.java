package dev.tandem.platform.problem;

import java.util.List;

import dev.tandem.platform.domain.DomainException;

/**
 * Thrown by web code (resources, filters) to answer with a problem; mapped to {@code application/problem+json}.
 * Entities and application services throw {@link DomainException} instead, which says nothing of HTTP and is
 * mapped through {@link #of(DomainException)}.
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

    /** The problem that answers a refusal of the domain: its kind's status, its field issues as field errors. */
    public static ProblemException of(DomainException e) {
        Problem.FieldError[] errors = e.issues().stream()
                .map(issue -> new Problem.FieldError(issue.field(), issue.message()))
                .toArray(Problem.FieldError[]::new);
        return switch (e.kind()) {
            case INVALID -> badRequest(e.getMessage(), errors);
            case NOT_FOUND -> new ProblemException(404, "not-found", "Not found", e.getMessage(), List.of(errors));
            case CONFLICT -> conflict(e.getMessage(), errors);
            case RULE_BROKEN -> unprocessable(e.getMessage(), errors);
            case FORBIDDEN -> new ProblemException(403, "forbidden", "Forbidden", e.getMessage(), List.of(errors));
        };
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
