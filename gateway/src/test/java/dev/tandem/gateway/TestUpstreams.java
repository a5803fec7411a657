package dev.tandem.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.tandem.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP upstreams for the gateway tests, on free ports:
 * <ul>
 * <li>{@code product} and {@code feedback}: echo the request (method, path, query, headers, body) as JSON and serve
 * their own small OpenAPI document and readiness;</li>
 * <li>{@code slow}: answers /api paths only after {@link #SLOW_MILLIS}, more than its configured 500 ms timeout;</li>
 * <li>{@code project} and {@code broken}: URLs of closed ports (nothing listens).</li>
 * </ul>
 * Paths ending in {@code /flaky} answer 503 to the first request of each method and URI; {@code ?delay=<ms>} makes
 * the echo (and the slow upstream) answer after that long; paths ending in {@link #SLOW_PRODUCT_ID} (product) or
 * {@link #SLOW_FEEDBACK_ID} (feedback) answer after {@link #SLOW_MILLIS}.
 * Extra test routes: /api/v1/slow → slow, /api/v1/broken → broken, /api/v1/products/special → feedback (to see the
 * longest prefix win); routes with their own timeout: /api/v1/slow/patient → slow ({@link #PATIENT_TIMEOUT_MILLIS},
 * longer than the upstream's), /api/v1/features/hurried → product ({@link #HURRIED_TIMEOUT_MILLIS}, shorter), and the
 * overview's route at {@link #OVERVIEW_TIMEOUT_MILLIS}; /api/v1/uploads → uploads, an echo with a
 * {@link #UPLOADS_TIMEOUT_MILLIS} timeout, and /api/v1/uploads/impatient → uploads, whose clients must send their
 * requests within {@link #UPLOADS_RECEIVE_TIMEOUT_MILLIS}.
 */
public class TestUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final long SLOW_MILLIS = 3_000;
    public static final long SLOW_TIMEOUT_MILLIS = 500;
    public static final int CIRCUIT_THRESHOLD = 3;
    public static final long PATIENT_TIMEOUT_MILLIS = 2_000;
    public static final long HURRIED_TIMEOUT_MILLIS = 300;
    public static final long OVERVIEW_TIMEOUT_MILLIS = 800;
    /** The upstream {@code uploads} (an echo) must answer within this once it has the request. */
    public static final long UPLOADS_TIMEOUT_MILLIS = 300;
    /** How long a client may take to send a request to /api/v1/uploads/impatient (the gateway's default is 30 s). */
    public static final long UPLOADS_RECEIVE_TIMEOUT_MILLIS = 1_000;
    /** A product whose product-service reads are slow. */
    public static final String SLOW_PRODUCT_ID = "00000000-0000-0000-0000-00000000051a";
    /** A product whose feedback-service reads are slow. */
    public static final String SLOW_FEEDBACK_ID = "00000000-0000-0000-0000-00000000051b";

    /** Event streams: frames handed to a connection and not yet written, at most. */
    public static final int MAX_PENDING_FRAMES = 16;
    /** Event streams: a client that takes no frames for this long is disconnected. */
    public static final long STALLED_AFTER_MILLIS = 2_000;
    /** Webhooks in the tests: an attempt's time limit, how long a delivery is retried, given-up ones that disable. */
    public static final long WEBHOOK_TIMEOUT_MILLIS = 1_000;
    public static final long WEBHOOK_GIVE_UP_MILLIS = 4_000;
    public static final int WEBHOOK_DISABLE_AFTER_GIVEN_UP = 3;
    /** The AES-256 key that seals webhook secrets in the tests (base64). */
    public static final String WEBHOOK_SECRET_KEY = "q8v7Pj0f3yS6mXbT1nWc9rE2uZ5aKdH4gL0iYoQeVsM=";

    public static final String JWT_ISSUER = "https://login.example.test/realms/tandem";
    public static final String JWT_AUDIENCE = "tandem-api";
    /** The test issuer's private key (base64 PKCS#8), for tests to sign JWTs with; read it through the config. */
    public static final String JWT_PRIVATE_KEY_PROPERTY = "tandem.test.jwt.private-key";
    public static final String CORS_ORIGIN = "https://app.example.test";
    /** Paths ending in this id are answered 404 by the echo upstreams. */
    public static final String MISSING_ID = "00000000-0000-0000-0000-000000000404";
    private static final KeyPair JWT_KEYS = rsaKeys();

    private Vertx vertx;
    private final java.util.Set<String> seenFlaky = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        config.put("tandem.gateway.upstreams.product.url", "http://127.0.0.1:" + listen("product", "openapi/product.json"));
        config.put("tandem.gateway.upstreams.feedback.url", "http://127.0.0.1:" + listen("feedback", "openapi/feedback.json"));
        config.put("tandem.gateway.upstreams.slow.url", "http://127.0.0.1:" + listen("slow", "openapi/slow.json"));
        config.put("tandem.gateway.upstreams.slow.timeout", SLOW_TIMEOUT_MILLIS + "ms");
        config.put("tandem.gateway.upstreams.project.url", "http://127.0.0.1:" + closedPort());
        config.put("tandem.gateway.upstreams.broken.url", "http://127.0.0.1:" + closedPort());
        // several instances of one service: two that answer (duo-a, duo-b), and pairs of one dead and one live
        config.put("tandem.gateway.upstreams.duo.url", "http://127.0.0.1:" + listen("duo-a", "openapi/product.json")
                + ",http://127.0.0.1:" + listen("duo-b", "openapi/product.json"));
        config.put("tandem.gateway.upstreams.pair.url", "http://127.0.0.1:" + closedPort() + ", http://127.0.0.1:"
                + listen("pair-live", "openapi/product.json"));
        config.put("tandem.gateway.upstreams.writes.url", "http://127.0.0.1:" + closedPort() + ",http://127.0.0.1:"
                + listen("writes-live", "openapi/product.json"));
        // an echo with a short timeout, for clients that send their bodies slowly (SlowClientTest); its own upstream,
        // so that a circuit it opens cannot disturb other tests
        config.put("tandem.gateway.upstreams.uploads.url", "http://127.0.0.1:" + listen("uploads", "openapi/product.json"));
        config.put("tandem.gateway.upstreams.uploads.timeout", UPLOADS_TIMEOUT_MILLIS + "ms");
        config.put("tandem.gateway.upstreams.uploads.scope", "products");
        config.put("tandem.gateway.upstreams.draining.url", "http://127.0.0.1:" + listen("draining-a", "openapi/product.json")
                + ",http://127.0.0.1:" + listen("draining-b", "openapi/product.json"));
        for (String name : java.util.List.of("duo", "pair", "writes", "uploads", "draining")) {
            config.put("tandem.gateway.upstreams." + name + ".include-in-openapi", "false");
        }

        // (indexes far above application.properties' own, so none of those is replaced)
        config.put("tandem.gateway.routes[90].prefix", "/api/v1/slow");
        config.put("tandem.gateway.routes[90].upstream", "slow");
        config.put("tandem.gateway.routes[91].prefix", "/api/v1/broken");
        config.put("tandem.gateway.routes[91].upstream", "broken");
        config.put("tandem.gateway.routes[92].prefix", "/api/v1/products/special");
        config.put("tandem.gateway.routes[92].upstream", "feedback");
        config.put("tandem.gateway.routes[93].prefix", "/api/v1/slow/patient");
        config.put("tandem.gateway.routes[93].upstream", "slow");
        config.put("tandem.gateway.routes[93].timeout", PATIENT_TIMEOUT_MILLIS + "ms");
        config.put("tandem.gateway.routes[94].prefix", "/api/v1/features/hurried");
        config.put("tandem.gateway.routes[94].upstream", "product");
        config.put("tandem.gateway.routes[94].timeout", HURRIED_TIMEOUT_MILLIS + "ms");
        config.put("tandem.gateway.routes[95].prefix", "/api/v1/duo");
        config.put("tandem.gateway.routes[95].upstream", "duo");
        config.put("tandem.gateway.routes[96].prefix", "/api/v1/pair");
        config.put("tandem.gateway.routes[96].upstream", "pair");
        config.put("tandem.gateway.routes[97].prefix", "/api/v1/writes");
        config.put("tandem.gateway.routes[97].upstream", "writes");
        config.put("tandem.gateway.routes[89].prefix", "/api/v1/draining");
        config.put("tandem.gateway.routes[89].upstream", "draining");
        config.put("tandem.gateway.routes[98].prefix", "/api/v1/uploads");
        config.put("tandem.gateway.routes[98].upstream", "uploads");
        config.put("tandem.gateway.routes[99].prefix", "/api/v1/uploads/impatient");
        config.put("tandem.gateway.routes[99].upstream", "uploads");
        config.put("tandem.gateway.routes[99].request-receive-timeout", UPLOADS_RECEIVE_TIMEOUT_MILLIS + "ms");
        // the overview's own route (application.properties) with a test-sized deadline
        config.put("tandem.gateway.routes[16].timeout", OVERVIEW_TIMEOUT_MILLIS + "ms");

        config.put("tandem.gateway.circuit.failure-threshold", Integer.toString(CIRCUIT_THRESHOLD));
        config.put("tandem.gateway.circuit.open-for", "60s");
        config.put("tandem.gateway.openapi.cache-ttl", "1s");
        config.put("tandem.gateway.openapi.degraded-cache-ttl", "1s");

        // credentials: internal tokens signed with the devstack's published test key, people's JWTs from a test issuer
        config.put("tandem.gateway.internal-token.private-key", TestTokens.PRIVATE_KEY);
        config.put("tandem.gateway.jwt.issuer", JWT_ISSUER);
        config.put("tandem.gateway.jwt.audience", JWT_AUDIENCE);
        config.put("tandem.gateway.jwt.public-key", Base64.getEncoder().encodeToString(JWT_KEYS.getPublic().getEncoded()));
        config.put(JWT_PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(JWT_KEYS.getPrivate().getEncoded()));
        config.put("quarkus.http.cors.origins", CORS_ORIGIN);
        config.put("tandem.gateway.events.heartbeat", "1s");
        // back-pressure at test scale: few frames in flight, a client that takes nothing is dropped after 2 s
        config.put("tandem.gateway.events.max-pending-frames", Integer.toString(MAX_PENDING_FRAMES));
        config.put("tandem.gateway.events.stalled-after", STALLED_AFTER_MILLIS + "ms");

        // webhooks: receivers on 127.0.0.1 over http (that literal host only: "localhost" stays refused), secrets
        // encrypted with a test key, and a retry schedule of seconds instead of a day
        config.put("tandem.gateway.webhooks.allow-http", "true");
        config.put("tandem.gateway.webhooks.allowed-hosts", "127.0.0.1");
        config.put("tandem.gateway.webhooks.secret-encryption-key", WEBHOOK_SECRET_KEY);
        config.put("tandem.gateway.webhooks.request-timeout", WEBHOOK_TIMEOUT_MILLIS + "ms");
        config.put("tandem.gateway.webhooks.connect-timeout", "1s");
        config.put("tandem.gateway.webhooks.poll-interval", "200ms");
        config.put("tandem.gateway.webhooks.retry.initial-backoff", "100ms");
        config.put("tandem.gateway.webhooks.retry.max-backoff", "400ms");
        config.put("tandem.gateway.webhooks.retry.give-up-after", WEBHOOK_GIVE_UP_MILLIS + "ms");
        config.put("tandem.gateway.webhooks.disable.after-given-up", Integer.toString(WEBHOOK_DISABLE_AFTER_GIVEN_UP));
        config.put("tandem.gateway.webhooks.disable.after-failing-for", "60s");
        config.put("tandem.gateway.webhooks.secret-rotation-overlap", "1h");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // test JVM is ending anyway
            }
            vertx = null;
        }
    }

    private int listen(String name, String openApiResource) {
        byte[] openApi = resource(openApiResource);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.equals("/q/health/ready") && name.equals("draining-a")) {
                // an instance that still answers but reports itself not ready (starting, draining, database away)
                request.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end("{\"status\":\"DOWN\"}");
            } else if (path.equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            } else if (path.equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(openApi));
            } else if (name.equals("slow")) {
                vertx.setTimer(Long.parseLong(request.getParam("delay", Long.toString(SLOW_MILLIS))), id -> {
                    if (!request.response().closed()) {
                        request.response().putHeader("Content-Type", "application/json").end("{\"late\":true}");
                    }
                });
            } else if (path.endsWith("/flaky") && seenFlaky.add(request.method() + " " + request.uri())) {
                // the first request of each method and URI gets a 503, the next ones an echo
                request.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end("{\"flaky\":true}");
            } else if (path.endsWith("/stream")) {
                stream(request);
            } else if (path.endsWith("/cut")) {
                // starts a chunked body, then drops the connection mid-way
                request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream")
                        .write(Buffer.buffer(new byte[64 * 1024]));
                vertx.setTimer(100, id -> request.connection().close());
            } else if (request.getParam("delay") != null || path.endsWith(slowIdOf(name))) {
                long delay = request.getParam("delay") != null ? Long.parseLong(request.getParam("delay")) : SLOW_MILLIS;
                echo(name, request, delay);
            } else {
                echo(name, request, 0);
            }
        });
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("test upstream " + name + " did not start", e);
        }
    }

    private static String slowIdOf(String upstream) {
        return upstream.equals("product") ? SLOW_PRODUCT_ID : upstream.equals("feedback") ? SLOW_FEEDBACK_ID : "\0";
    }

    /** Answers with the request as JSON; {@code ?status=201} picks the status, {@code ?hop=1} adds hop headers. */
    private void echo(String name, HttpServerRequest request, long delayMillis) {
        request.body().onSuccess(body -> {
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, id -> {
                    if (!request.response().closed()) {
                        answerEcho(name, request, body);
                    }
                });
            } else {
                answerEcho(name, request, body);
            }
        });
    }

    private static void answerEcho(String name, HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> {
            String key = h.getKey().toLowerCase(Locale.ROOT);
            headers.put(key, headers.containsKey(key) ? headers.getString(key) + "," + h.getValue() : h.getValue());
        });
        JsonObject echo = new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("bodyLength", body.length())
                .put("bodySha256", sha256(body.getBytes()));
        if (body.length() <= 4096) {
            echo.put("body", body.toString(StandardCharsets.UTF_8));
        }
        String status = request.path().endsWith(MISSING_ID) ? "404" : request.getParam("status");
        var response = request.response()
                .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Upstream", name)
                .putHeader("X-Request-Id", "upstream-would-echo-" + name);
        if (request.getParam("hop") != null) {
            response.putHeader("Connection", "keep-alive, X-Private-Hop")
                    .putHeader("X-Private-Hop", "must-not-leave-the-hop")
                    .putHeader("Proxy-Authenticate", "Basic realm=upstream");
        }
        response.end(echo.encode());
    }

    /** A chunked response of {@code ?chunks=n} 64 KiB chunks of one repeated letter each, written 20 ms apart. */
    private void stream(HttpServerRequest request) {
        int chunks = Integer.parseInt(request.getParam("chunks", "8"));
        var response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        writeChunk(response, 0, chunks);
    }

    private void writeChunk(io.vertx.core.http.HttpServerResponse response, int index, int total) {
        if (index == total) {
            response.end();
            return;
        }
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ('a' + index % 26));
        response.write(Buffer.buffer(chunk));
        vertx.setTimer(20, id -> writeChunk(response, index + 1, total));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestUpstreams.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
