package dev.tandem.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * One webhook attempt over HTTP with Vert.x' client (non-blocking): POST to the address that
 * {@link WebhookTargets#resolve} checked — never a fresh DNS look-up, the {@code Host} header and TLS (SNI, host name
 * verification) still name the URL's host — with redirects not followed (a 3xx is a failure), at most
 * {@code max-response-bytes} of the answer read (then the connection is closed) and the whole attempt bounded by
 * {@code request-timeout}.
 */
final class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String USER_AGENT = "Tandem-Webhooks/1";

    /** What one attempt got: a status code (null when no answer came) and an error, or none when it succeeded. */
    record Outcome(Integer statusCode, long latencyMillis, String error) {
        boolean succeeded() {
            return error == null && statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;
    private final int maxResponseBytes;

    /**
     * @param maxConnections connections per target (address and host); the dispatcher's {@code max-in-flight}, so
     *                       an attempt never waits for a pooled connection and its time limit is its own
     */
    WebhookSender(Vertx vertx, long connectTimeoutMillis, long timeoutMillis, int maxResponseBytes,
            int maxConnections) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        this.maxResponseBytes = maxResponseBytes;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) connectTimeoutMillis)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false)
                .setVerifyHost(true)
                .setName("tandem-gateway-webhooks");
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /**
     * Sends; the future always succeeds, with what happened. The whole exchange runs on one event-loop context: the
     * dispatcher calls from threads of its own, and a request begun there completed its futures on another context
     * than its response's, so the body handlers could be set after the answer had ended (IllegalStateException, the
     * attempt counted as failed and the delivery sent again).
     */
    Future<Outcome> send(WebhookTargets.Target target, String webhookId, long timestamp, String signature,
            byte[] body) {
        Promise<Outcome> result = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> exchange(target, webhookId, timestamp, signature, body, result));
        return result.future();
    }

    private void exchange(WebhookTargets.Target target, String webhookId, long timestamp, String signature,
            byte[] body, Promise<Outcome> result) {
        long start = System.nanoTime();
        AtomicBoolean settled = new AtomicBoolean();
        Settle settle = (status, error) -> {
            if (settled.compareAndSet(false, true)) {
                result.complete(new Outcome(status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), error));
            }
        };
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(timeoutMillis, id -> {
            settle.settle(null, "no complete answer within " + timeoutMillis + " ms");
            if (sent[0] != null) {
                sent[0].reset();
            }
        });
        client.request(options)
                .compose(request -> {
                    sent[0] = request;
                    if (settled.get()) { // the deadline passed while connecting
                        request.reset();
                        return Future.failedFuture("no complete answer within " + timeoutMillis + " ms");
                    }
                    return request.send(Buffer.buffer(body));
                })
                .onSuccess(response -> read(response, settle, timer))
                .onFailure(e -> {
                    vertx.cancelTimer(timer);
                    settle.settle(null, describe(e));
                });
    }

    @FunctionalInterface
    private interface Settle {
        void settle(Integer status, String error);
    }

    /** Reads at most max-response-bytes of the body; the answer's status decides. */
    private void read(HttpClientResponse response, Settle settle, long timer) {
        int status = response.statusCode();
        Buffer head = Buffer.buffer();
        AtomicBoolean cut = new AtomicBoolean();
        response.handler(chunk -> {
            if (cut.get()) {
                return;
            }
            int room = maxResponseBytes - head.length();
            if (chunk.length() > room) {
                head.appendBuffer(chunk, 0, Math.max(room, 0));
                cut.set(true);
                vertx.cancelTimer(timer);
                settle.settle(status, verdict(status, head, true));
                response.request().connection().close(); // read no more of it
            } else {
                head.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(e -> {
            vertx.cancelTimer(timer);
            settle.settle(status, "the answer was cut off: " + describe(e));
        });
        response.endHandler(v -> {
            vertx.cancelTimer(timer);
            settle.settle(status, verdict(status, head, false));
        });
    }

    /** Null for a 2xx; otherwise what went wrong, with the start of the answer's body. */
    private static String verdict(int status, Buffer head, boolean cut) {
        if (status >= 200 && status < 300) {
            return null;
        }
        String what = status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)"
                : "HTTP " + status;
        String text = head.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return what;
        }
        if (text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
        return what + ": " + text + (cut ? " (answer longer than read)" : "");
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.net.ConnectException || message.contains("Connection refused")) {
            return "connection refused";
        }
        if (e instanceof io.netty.channel.ConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS: " + message;
        }
        return message;
    }

    void close() {
        client.close();
    }
}
