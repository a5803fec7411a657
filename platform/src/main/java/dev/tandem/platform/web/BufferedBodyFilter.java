package dev.tandem.platform.web;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * Hands request bodies to Quarkus REST the way {@link HttpConventionsRouter} prepared them:
 * <ul>
 * <li>a chunked JSON body it has already read (to enforce the size limit) is given to Quarkus REST as a stream,
 * which would otherwise find the request stream ended and see an empty body;</li>
 * <li>a body without Content-Length to a streamed path ({@code tandem.http.streamed-body-paths}) is left on the
 * connection and counted as the route reads it: past the limit, the read throws {@link BodyTooLargeException} (a
 * 413 problem, {@code Connection: close}). Quarkus' own count is switched off for it, as it would answer a bare 413
 * before the route could.</li>
 * </ul>
 */
public class BufferedBodyFilter {

    @ServerRequestFilter(preMatching = true)
    public void useBufferedBody(ContainerRequestContext request, RoutingContext routing) {
        Long streamedLimit = routing.get(HttpConventionsRouter.STREAMED_BODY_LIMIT);
        if (streamedLimit != null) {
            routing.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
            request.setEntityStream(new LimitedBody(request.getEntityStream(), streamedLimit, routing.response()));
            return;
        }
        if (routing.get(HttpConventionsRouter.BUFFERED_BODY) != null && routing.body() != null
                && routing.body().buffer() != null) {
            request.setEntityStream(new ByteArrayInputStream(routing.body().buffer().getBytes()));
        }
    }

    /** Counts the bytes read; one past the limit is a {@link BodyTooLargeException}. */
    static final class LimitedBody extends FilterInputStream {

        private final long limit;
        private final HttpServerResponse response;
        private long count;

        LimitedBody(InputStream in, long limit, HttpServerResponse response) {
            super(in);
            this.limit = limit;
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                // the rest of the body stays unread: the connection cannot be reused
                if (!response.headWritten()) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                }
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
