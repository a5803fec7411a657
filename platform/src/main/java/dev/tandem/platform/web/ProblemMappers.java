package dev.tandem.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.problem.Problems;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Every exception a Quarkus REST request can end with becomes an {@code application/problem+json} response carrying
 * {@code instance} (the request path) and {@code requestId}; never a stack trace, never HTML.
 *
 * <p>These {@link ServerExceptionMapper}s run at the default user priority (5000), ahead of the built-in mappers
 * Quarkus registers for the same types (Jackson's {@code MismatchedInputException} mapper at 5100, Hibernate
 * Validator's {@code ValidationException} mapper at 5001). Quarkus REST picks the mapper of the most specific
 * exception type, so a service's own mapper for its own exception type still wins over {@link #unexpected}.
 * Failures outside Quarkus REST (no route at all, an oversized body rejected by Vert.x) are answered by
 * {@link dev.tandem.platform.web.HttpConventionsRouter}.
 */
@Singleton
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    RequestContext requestContext;

    @Inject
    ObjectMapper objectMapper;

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return respond(e.problem(), request, Map.of());
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, ContainerRequestContext request) {
        return problem(ProblemException.of(e), request);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, ContainerRequestContext request) {
        if (ViolationProblems.isReturnValueViolation(e.getConstraintViolations())) {
            return internalError(e, request);
        }
        return respond(ViolationProblems.toProblem(e.getConstraintViolations(), objectMapper), request, Map.of());
    }

    /** Other Bean Validation failures (bad constraint definitions) are bugs. */
    @ServerExceptionMapper
    public Response validation(ValidationException e, ContainerRequestContext request) {
        return internalError(e, request);
    }

    /** More specific than Quarkus' own mapper for this type, which would answer with plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        if (!JacksonProblems.isClientError(e)) {
            return internalError(e, request);
        }
        return respond(JacksonProblems.toProblem(e), request, Map.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, ContainerRequestContext request) {
        return respond(stale(), request, Map.of());
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, ContainerRequestContext request) {
        return respond(stale(), request, Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request,
            ResourceInfo resourceInfo, ServerRequestContext serverRequest) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, request);
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem, request);
        }
        if (cause instanceof DomainException domain) {
            return domain(domain, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e, request);
        }
        Map<String, List<Object>> keep = preservedHeaders(e.getResponse());
        if (status == 405 && !keep.containsKey(HttpHeaders.ALLOW)) {
            Set<String> allowed = AllowedMethods.of(serverRequest);
            if (!allowed.isEmpty()) {
                keep = new java.util.HashMap<>(keep);
                keep.put(HttpHeaders.ALLOW, List.of(String.join(", ", allowed)));
            }
        }
        String path = request.getUriInfo().getPath();
        if (cause != null && (e instanceof NotFoundException || status == 400)) {
            // Quarkus REST: a path/query parameter (404) or header (400) that does not convert to its Java type.
            var bad = ParamProblems.find(resourceInfo.getResourceMethod(), request.getUriInfo(), request.getHeaders());
            if (bad.isPresent()) {
                var p = bad.get();
                Problem.FieldError error = new Problem.FieldError(p.name(), p.message());
                if (p.source() == ParameterNames.Source.PATH) {
                    // The URI names no resource: 404, as for any URI that matches nothing (see api-conventions.md).
                    return respond(Problems.of(404, Problems.NOT_FOUND, "Not found", "No resource at " + path
                            + ": path parameter " + p.name() + " " + p.message(), List.of(error)), request, keep);
                }
                String where = p.source() == ParameterNames.Source.QUERY ? "query parameter " : "header ";
                return respond(Problems.of(400, Problems.VALIDATION, "Invalid request",
                        where + p.name() + ": " + p.message(), List.of(error)), request, keep);
            }
        }
        String detail = switch (status) {
            case 400 -> "The request is invalid";
            case 404 -> "No resource at " + path;
            case 405 -> "Method " + request.getMethod() + " is not allowed on " + path
                    + (keep.containsKey(HttpHeaders.ALLOW) ? "; allowed: " + joined(keep.get(HttpHeaders.ALLOW)) : "");
            case 406 -> "None of the accepted media types (" + request.getHeaderString(HttpHeaders.ACCEPT)
                    + ") can be produced; ask for application/json";
            case 415 -> "Content type " + request.getHeaderString(HttpHeaders.CONTENT_TYPE)
                    + " is not supported; send application/json";
            default -> e instanceof NotAllowedException || e instanceof NotAcceptableException
                    || e instanceof NotSupportedException || e.getMessage() == null ? null : e.getMessage();
        };
        return respond(Problems.forStatus(status, detail), request, keep);
    }

    /** The last resort: anything unmapped is a bug. Known causes wrapped by other layers are unwrapped first. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && "Request too large".equals(t.getMessage())) {
                // Quarkus' own body-size check already answered 413 while the body was being read.
                return respond(Problems.forStatus(413, "The request body is too large"), request, Map.of());
            }
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return problem(p, request);
            }
            if (t instanceof DomainException d) {
                return domain(d, request);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(stale(), request, Map.of());
            }
            if (t instanceof ConstraintViolationException v) {
                return constraintViolations(v, request);
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return respond(Problems.of(409, Problems.CONFLICT, "Conflict",
                        "A resource with the same unique value already exists", List.of()), request, Map.of());
            }
        }
        return internalError(e, request);
    }

    private Response internalError(Throwable e, ContainerRequestContext request) {
        String requestId = requestContext.requestId();
        LOG.errorf(e, "Internal error on %s %s (requestId=%s)", request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), requestId);
        return Problems.response(Problems.internal(), instance(request), requestId).build();
    }

    private Response respond(Problem problem, ContainerRequestContext request, Map<String, List<Object>> headers) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%d %s on %s %s: %s", problem.status(), problem.type(), request.getMethod(), instance(request),
                    problem.detail());
        }
        Response.ResponseBuilder builder = Problems.response(problem, instance(request), requestContext.requestId());
        headers.forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        return builder.build();
    }

    private static Problem stale() {
        return Problems.of(412, Problems.PRECONDITION_FAILED, "Precondition failed",
                "The resource was changed by someone else; read it again and retry with its current ETag", List.of());
    }

    private static String instance(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    /** Headers worth keeping from a framework's error response: Allow (405), Retry-After, WWW-Authenticate. */
    private static Map<String, List<Object>> preservedHeaders(Response response) {
        if (response == null) {
            return Map.of();
        }
        return response.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(HttpHeaders.ALLOW)
                        || h.getKey().equalsIgnoreCase(HttpHeaders.RETRY_AFTER)
                        || h.getKey().equalsIgnoreCase(HttpHeaders.WWW_AUTHENTICATE))
                .collect(Collectors.toMap(h -> canonical(h.getKey()), Map.Entry::getValue, (a, b) -> a));
    }

    private static String canonical(String header) {
        if (header.equalsIgnoreCase(HttpHeaders.ALLOW)) {
            return HttpHeaders.ALLOW;
        }
        return header.equalsIgnoreCase(HttpHeaders.RETRY_AFTER) ? HttpHeaders.RETRY_AFTER : HttpHeaders.WWW_AUTHENTICATE;
    }

    private static String joined(List<Object> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
