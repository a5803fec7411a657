package dev.tandem.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.Problems;
import dev.tandem.platform.text.TextRules;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The HTTP conventions that must hold before and outside Quarkus REST, installed on the Vert.x router.
 *
 * <ul>
 * <li>Every request gets its request id first ({@link RequestContext}); every response, whoever writes it, carries
 * {@code X-Request-Id}. (Its trace context is OpenTelemetry's: Quarkus starts the server span before any route.)</li>
 * <li>A query parameter with a control character in its name or value is a 400 problem naming it
 * ({@link TextRules}).</li>
 * <li>A body larger than the limit of its route is answered with a 413 problem. The limit is
 * {@code tandem.http.max-body-size} (default: {@code quarkus.http.limits.max-body-size}, which stays the ceiling);
 * the paths listed in {@code tandem.http.streamed-body-paths} take {@code quarkus.http.limits.max-body-size}. A
 * declared {@code Content-Length} is checked here, before Quarkus' own check (a route at order -2 that would answer
 * with a bare 413). A chunked body (no {@code Content-Length}) of a JSON request is read here, up to the limit, by
 * the Vert.x body handler, and handed on to Quarkus REST ({@code BufferedBodyFilter}); over the limit it is a 413
 * problem too. A body without {@code Content-Length} to a streamed path is not read here: its route reads it as a
 * stream, which {@code BufferedBodyFilter} counts ({@link BodyTooLargeException} past the limit), so a large import
 * is never held in memory. Other chunked bodies (multipart, forms) are left to Quarkus, which stops reading at the
 * ceiling and answers with a bare 413 and {@code Connection: close}.</li>
 * <li>Failures that reach Vert.x (a handler calling {@code fail}, a path no route matches) are answered with
 * problem+json. Authentication failures ({@code io.quarkus.security}) are left to Quarkus, which owns the
 * challenge.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpConventionsRouter {

    /** Runs before every Quarkus route (the body-size check is at -2, security at -1 and later). */
    static final int ORDER = -1_000;
    /** The RoutingContext key under which a chunked body read here is kept. */
    static final String BUFFERED_BODY = "dev.tandem.platform.web.buffered-body";
    /** The RoutingContext key under which the limit of a body its route streams is kept (a Long). */
    static final String STREAMED_BODY_LIMIT = "dev.tandem.platform.web.streamed-body-limit";
    /** The RoutingContext key under which the limit applied to this request's body is kept (a Long). */
    private static final String BODY_LIMIT = "dev.tandem.platform.web.body-limit";

    private static final Logger LOG = Logger.getLogger(HttpConventionsRouter.class);
    private static final List<Integer> ERROR_CODES = List.of(400, 404, 405, 406, 413, 414, 415, 431, 500, 503);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    RequestContext requestContext;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /** The limit of every route but the streamed ones (at most {@code quarkus.http.limits.max-body-size}). */
    @ConfigProperty(name = "tandem.http.max-body-size")
    Optional<MemorySize> routeMaxBodySize;

    /**
     * Exact request paths whose handlers read the body as a stream (e.g. a bulk import): they take
     * {@code quarkus.http.limits.max-body-size}, and a body without Content-Length is not buffered for them.
     */
    @ConfigProperty(name = "tandem.http.streamed-body-paths")
    Optional<List<String>> streamedBodyPaths;

    private BodyHandler chunkedBodyHandler;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(ceiling -> chunkedBodyHandler = BodyHandler.create(false)
                .setBodyLimit(routeLimit(ceiling.asLongValue()))
                .setPreallocateBodyBuffer(false)
                .setMergeFormAttributes(false));
        router.route().order(ORDER).handler(this::begin).failureHandler(this::failure);
        for (int code : ERROR_CODES) {
            router.errorHandler(code, this::failure);
        }
    }

    private void begin(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        RequestContext.Values values = RequestContext.fromHeaders(request.getHeader(RequestContext.REQUEST_ID_HEADER));
        RequestContext.bind(values, request);
        ctx.put(RequestContext.class.getName(), values);
        ctx.addHeadersEndHandler(v -> ctx.response().headers()
                .set(RequestContext.REQUEST_ID_HEADER, values.requestId()));
        Problem badQuery = controlCharacterInQuery(ctx);
        if (badQuery != null) {
            write(ctx, badQuery, values.requestId());
            return;
        }

        if (maxBodySize.isEmpty()) {
            ctx.next();
            return;
        }
        long ceiling = maxBodySize.get().asLongValue();
        boolean streamed = streamedBodyPaths.map(paths -> paths.contains(request.path())).orElse(false);
        long limit = streamed ? ceiling : routeLimit(ceiling);
        ctx.put(BODY_LIMIT, limit);
        String contentLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                write(ctx, Problems.forStatus(400, "Content-Length is not a number"), values.requestId());
                return;
            }
            if (length > limit) {
                ctx.response().headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                write(ctx, tooLarge(limit), values.requestId());
                return;
            }
            ctx.next();
            return;
        }
        if (streamed) {
            ctx.put(STREAMED_BODY_LIMIT, limit);
            ctx.next();
            return;
        }
        if (isChunkedJson(request)) {
            ctx.put(BUFFERED_BODY, Boolean.TRUE);
            chunkedBodyHandler.handle(ctx);
            return;
        }
        ctx.next();
    }

    /**
     * The text rule ({@link TextRules}) for query parameters, before any handler or database sees them: a control
     * character in a parameter's name or value (NUL included, which PostgreSQL cannot take) is a 400 naming it.
     */
    private static Problem controlCharacterInQuery(RoutingContext ctx) {
        if (ctx.request().query() == null) {
            return null;
        }
        MultiMap params;
        try {
            params = ctx.queryParams();
        } catch (RuntimeException e) {
            return null; // a malformed query string is left to the handler that reads it
        }
        for (Map.Entry<String, String> param : params) {
            String why = TextRules.problem(param.getKey());
            if (why == null) {
                why = TextRules.problem(param.getValue());
            }
            if (why != null) {
                StringBuilder name = new StringBuilder();
                param.getKey().chars().forEach(c -> name.append(TextRules.problem(String.valueOf((char) c)) == null
                        ? (char) c : '?'));
                return Problems.of(400, Problems.VALIDATION, "Invalid request", "query parameter " + name + ": " + why,
                        List.of(new Problem.FieldError(name.toString(), why)));
            }
        }
        return null;
    }

    /**
     * A JSON body of unknown length sent with HTTP/1.1 chunked encoding. (Not HTTP/2: Quarkus REST cannot take over
     * an HTTP/2 request whose body was already read, so those are left to Quarkus' own limit check.)
     */
    private static boolean isChunkedJson(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (!(HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method))) {
            return false;
        }
        String transferEncoding = request.getHeader(HttpHeaderNames.TRANSFER_ENCODING);
        boolean chunked = transferEncoding != null && transferEncoding.toLowerCase().contains("chunked");
        if (!chunked || request.version() == HttpVersion.HTTP_2) {
            return false;
        }
        String contentType = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        return contentType == null || contentType.toLowerCase().contains("json");
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure != null && failure.getClass().getName().startsWith("io.quarkus.security.")) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            if (failure != null) {
                LOG.debugf(failure, "Failure after the response was started on %s", ctx.request().path());
            }
            if (!response.ended()) {
                response.reset();
            }
            return;
        }
        int status = ctx.statusCode();
        if (status < 400) {
            status = 500;
        }
        RequestContext.Values values = ctx.get(RequestContext.class.getName());
        String requestId = values == null ? requestContext.requestId() : values.requestId();
        Problem problem;
        if (status == 413) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            Long limit = ctx.get(BODY_LIMIT);
            problem = tooLarge(limit != null ? limit : maxBodySize.map(MemorySize::asLongValue).orElse(-1L));
        } else if (status >= 500) {
            if (failure != null) {
                LOG.errorf(failure, "Internal error on %s %s (requestId=%s)", ctx.request().method(),
                        ctx.request().path(), requestId);
            }
            problem = status == 500 ? Problems.internal() : Problems.forStatus(status, null);
        } else if (status == 404) {
            problem = Problems.forStatus(404, "No resource at " + ctx.request().path());
        } else if (status == 405) {
            problem = Problems.forStatus(405, "Method " + ctx.request().method() + " is not allowed on "
                    + ctx.request().path());
        } else {
            problem = Problems.forStatus(status, null);
        }
        write(ctx, problem, requestId);
    }

    private long routeLimit(long ceiling) {
        return routeMaxBodySize.map(l -> Math.min(l.asLongValue(), ceiling)).orElse(ceiling);
    }

    private static Problem tooLarge(long limit) {
        return Problems.forStatus(413, limit < 0 ? "The request body is too large"
                : "The request body is larger than the limit of " + limit + " bytes");
    }

    private void write(RoutingContext ctx, Problem problem, String requestId) {
        String body;
        try {
            body = objectMapper.writeValueAsString(problem.withRequest(ctx.request().path(), requestId));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        HttpServerResponse response = ctx.response();
        response.setStatusCode(problem.status());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.end(body);
    }
}
