package dev.tandem.platform.web;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hands a chunked body that {@link HttpConventionsRouter} has already read (to enforce the size limit) to Quarkus
 * REST, which would otherwise find the request stream ended and see an empty body.
 */
public class BufferedBodyFilter {

    @ServerRequestFilter(preMatching = true)
    public void useBufferedBody(ContainerRequestContext request, RoutingContext routing) {
        if (routing.get(HttpConventionsRouter.BUFFERED_BODY) != null && routing.body() != null
                && routing.body().buffer() != null) {
            request.setEntityStream(new ByteArrayInputStream(routing.body().buffer().getBytes()));
        }
    }
}
