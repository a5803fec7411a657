package dev.tandem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An integrator's view of Tandem for the system tests: plain HTTP to the gateway with one API key, JSON in and out,
 * {@code ETag}/{@code If-Match} taken from the previous read, an {@code Idempotency-Key} on every create, and
 * {@link #await} to wait for what other services learn from events (polled, never a fixed sleep). Kept apart from
 * REST Assured's global settings so a test can act with a key of its own.
 */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    /** One answer of the gateway. */
    record Answer(String request, int status, JsonNode body, String etag, String contentType) {

        /** The body, after checking the status (the failure names the request and shows the problem). */
        JsonNode expect(int expected) {
            assertEquals(expected, status, request + " → " + status + " " + body);
            return body;
        }

        String id() {
            return body.path("id").asText();
        }
    }

    GatewayClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode money(String amount, String currency) {
        return object().put("amount", amount).put("currency", currency);
    }

    Answer get(String path) {
        return send("GET", path, null, null, false);
    }

    /** A create: POST with a fresh Idempotency-Key, no If-Match. */
    Answer create(String path, JsonNode body) {
        return send("POST", path, body, null, true);
    }

    /** POST, PATCH or DELETE {@code path} with the current ETag of {@code resourcePath} as If-Match. */
    Answer change(String method, String resourcePath, String path, JsonNode body) {
        Answer current = get(resourcePath);
        current.expect(200);
        return send(method, path, body, current.etag(), false);
    }

    /** A request exactly as given (for refusals: no If-Match, no Idempotency-Key unless asked). */
    Answer send(String method, String path, JsonNode body, String ifMatch, boolean idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json, application/problem+json")
                .header("X-Request-Id", "e2e-loop-" + UUID.randomUUID());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String name = method + " " + path;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? object() : JSON.readTree(text);
            return new Answer(name, response.statusCode(), json, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new AssertionError(name + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + " interrupted", e);
        }
    }

    /**
     * Reads {@code path} until its 200 body satisfies {@code until} (what another service learns from an event),
     * polling every 200 ms for at most {@code timeout}; the failure says what was awaited and shows the last body.
     */
    JsonNode await(String path, Predicate<JsonNode> until, Duration timeout, String what) {
        AtomicReference<Answer> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        last.set(get(path));
                        return last.get();
                    }, answer -> answer.status() == 200 && until.test(answer.body()))
                    .body();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last GET " + path
                    + " → " + last.get().status() + " " + last.get().body(), e);
        }
    }
}
