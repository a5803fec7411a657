package dev.tandem.gateway.web;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.Problems;
import dev.tandem.platform.web.RequestContext;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers with an RFC 9457 problem from Vert.x-level code (the proxy path does not go through JAX-RS, so the
 * platform's exception mappers never see it): authentication, rate limits, routing, the proxy's own failures. The
 * problem is the platform's ({@link Problems#of}, the same types, fields and request stamp as every service's);
 * only writing it differs, onto a Vert.x response instead of a JAX-RS one.
 */
@ApplicationScoped
public class GatewayProblems {

    private final ObjectMapper mapper;
    private final RequestContext requestContext;

    public GatewayProblems(ObjectMapper mapper, RequestContext requestContext) {
        this.mapper = mapper;
        this.requestContext = requestContext;
    }

    public Future<Void> send(RoutingContext ctx, int status, String slug, String title, String detail) {
        return send(ctx, status, slug, title, detail, response -> {
        });
    }

    /**
     * @param slug       last segment of the problem type, {@code https://tandem.dev/problems/<slug>}
     * @param customizer adds headers such as {@code Retry-After}
     */
    public Future<Void> send(RoutingContext ctx, int status, String slug, String title, String detail,
            Consumer<HttpServerResponse> customizer) {
        return send(ctx, status, slug, title, detail, List.of(), customizer);
    }

    /**
     * A problem about the client's input, naming what was wrong in {@code errors} (a header such as
     * {@code Last-Event-ID}, a query parameter).
     *
     * @return completes once the answer is written (failed when it could not be, or it was too late to answer)
     */
    public Future<Void> send(RoutingContext ctx, int status, String slug, String title, String detail,
            List<Problem.FieldError> errors, Consumer<HttpServerResponse> customizer) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            // too late to answer with a problem; the caller resets the stream instead
            return Future.failedFuture("the response was already started");
        }
        Exchange exchange = ctx.get(Exchange.KEY);
        String requestId = exchange != null ? exchange.requestId()
                // before the gateway's first handler (the request-receive timeout): the platform's id for the request
                : requestContext.isBound() ? requestContext.requestId()
                : RequestContext.acceptOrCreate(ctx.request().getHeader(RequestContext.REQUEST_ID_HEADER));
        String instance = exchange != null ? exchange.path() : ctx.normalizedPath();
        Problem problem = Problems.of(status, slug, title, detail, errors).withRequest(instance, requestId);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
        ctx.put(Exchange.PROBLEM_KEY, slug);
        response.setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader(RequestContext.REQUEST_ID_HEADER, requestId);
        customizer.accept(response);
        Future<Void> written = response.end(Buffer.buffer(body));
        if (!ctx.request().isEnded()) {
            ctx.request().resume(); // drain an unread request body so the connection can be reused
        }
        return written;
    }
}
