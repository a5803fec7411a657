package dev.tandem.platform.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

/**
 * The problem types of the platform and the one way a {@link Problem} becomes a response.
 *
 * <p>Type URIs are {@code https://tandem.dev/problems/<slug>}; the slugs below are the complete list the platform
 * emits (services may add their own through {@link ProblemException}'s constructor). docs/api-conventions.md lists
 * them with their statuses.
 */
public final class Problems {

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String CONFLICT = "conflict";
    public static final String PRECONDITION_FAILED = "precondition-failed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String UNPROCESSABLE = "unprocessable";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    public static final String INTERNAL = "internal";

    private Problems() {
    }

    /** A problem without request data (instance and requestId are added when it is written). */
    public static Problem of(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, null,
                errors == null ? List.of() : List.copyOf(errors));
    }

    /** A problem for a bare status (what a framework answered with), with the platform's type and title for it. */
    public static Problem forStatus(int status, String detail) {
        return of(status, slugFor(status), titleFor(status), detail, List.of());
    }

    /** The one 500: nothing but the request id goes out; the exception is logged under that id. */
    public static Problem internal() {
        return of(500, INTERNAL, "Internal error", "An unexpected error occurred; quote the request id when reporting it",
                List.of());
    }

    /** The {@code application/problem+json} response for a problem, stamped with the request path and id. */
    public static Response.ResponseBuilder response(Problem problem, String instance, String requestId) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withRequest(instance, requestId));
    }

    static String slugFor(int status) {
        return switch (status) {
            case 400 -> VALIDATION;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 428 -> PRECONDITION_REQUIRED;
            case 500 -> INTERNAL;
            default -> titleFor(status).toLowerCase(Locale.ROOT).replace(' ', '-');
        };
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 500 -> "Internal error";
            case 501 -> "Not implemented";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> status >= 500 ? "Server error " + status : "Client error " + status;
        };
    }
}
