package dev.tandem.devstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.demo.DemoApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small JSON client for what the benchmark does besides the load itself: creating keys, seeding data, reading
 * the result of asynchronous work. Any answer other than the expected one is a {@link BenchException} naming the
 * request and the problem's detail: seeding must not fail quietly.
 */
final class BenchApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> headers;

    BenchApi(HttpClient http, String baseUrl, Map<String, String> headers) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A request to {@code path} with this client's credentials, for callers that send their own body. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        headers.forEach(b::header);
        return b;
    }

    JsonNode get(String path) {
        return expect(send(request(path).GET().build()), 200, "GET " + path);
    }

    /** A create: 201 expected. */
    JsonNode post(String path, JsonNode body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return expect(send(request), 201, "POST " + path);
    }

    /** Reads {@code path} until {@code done} holds (another service applies an event asynchronously). */
    void await(String path, Predicate<JsonNode> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> r = send(request(path).GET().build());
            if (r.statusCode() == 200 && done.test(parse(r.body()))) {
                return;
            }
            if (r.statusCode() != 200 && r.statusCode() != 404) {
                expect(r, 200, "GET " + path);
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Await.pause(Duration.ofMillis(100));
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    static JsonNode expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw failure(r, what + " answered " + r.statusCode() + " (expected " + status + ")");
        }
        return parse(r.body());
    }

    static void expect2xx(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw failure(r, what + " answered " + r.statusCode());
        }
    }

    private static BenchException failure(HttpResponse<String> r, String message) {
        JsonNode body = parse(r.body());
        String detail = body.hasNonNull("detail") ? body.get("detail").asText() : r.body();
        return new BenchException(message + ": " + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail));
    }

    static JsonNode parse(String body) {
        return DemoApi.parse(body);
    }
}
