package dev.tandem.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small client of the gateway's public API for the demo loader: JSON in and out, the API key as a bearer token,
 * {@code ETag} / {@code If-Match} handling and a retry after a 429 (the gateway's rate limit) or a 412 (another
 * writer — usually one of the services' event consumers — changed the resource between our read and our write).
 * Every other error status ends the load with a {@link DemoException} naming the request and the problem's detail.
 * Thread-safe.
 */
public final class DemoApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RATE_LIMIT_RETRIES = 20;
    private static final int MAX_STALE_RETRIES = 5;

    private final HttpClient http;
    private final String baseUrl;
    private volatile String bearer;
    private final AtomicInteger requests = new AtomicInteger();

    /** One answer: status, body (a missing or non-JSON body is an empty object), ETag and Location. */
    record Answer(int status, JsonNode body, String etag, String location) {

        String id() {
            return body.path("id").asText();
        }
    }

    DemoApi(String baseUrl, String apiKey) {
        this.baseUrl = Objects.requireNonNull(baseUrl).replaceAll("/+$", "");
        this.bearer = Objects.requireNonNull(apiKey);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Use another key from now on (the loader's own, once created). */
    void useKey(String apiKey) {
        this.bearer = Objects.requireNonNull(apiKey);
    }

    int requestCount() {
        return requests.get();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- verbs that expect success

    JsonNode get(String path) {
        return expect(send("GET", path, null, null, null), 200, "GET " + path).body();
    }

    Answer getAnswer(String path) {
        return expect(send("GET", path, null, null, null), 200, "GET " + path);
    }

    /** A create or action: any 2xx. */
    Answer post(String path, Object body) {
        return expect2xx(send("POST", path, json(body), "application/json", null), "POST " + path);
    }

    Answer post(String path, Object body, String ifMatch) {
        return expect2xx(send("POST", path, json(body), "application/json", ifMatch), "POST " + path);
    }

    Answer postRaw(String path, String body, String contentType) {
        return expect2xx(send("POST", path, body, contentType, null), "POST " + path);
    }

    Answer patch(String path, Object body, String ifMatch) {
        return expect2xx(send("PATCH", path, json(body), "application/json", ifMatch), "PATCH " + path);
    }

    void delete(String path) {
        expect2xx(send("DELETE", path, null, null, null), "DELETE " + path);
    }

    /**
     * A change that needs {@code If-Match}: {@code etag} when known (else read from {@code resourcePath} first);
     * after a 412 the resource is read again and the change retried.
     */
    Answer change(String method, String resourcePath, String actionPath, Object body, String etag) {
        String current = etag != null ? etag : getAnswer(resourcePath).etag();
        for (int attempt = 0; ; attempt++) {
            Answer a = send(method, actionPath, json(body), "application/json", current);
            if (a.status() == 412 && attempt < MAX_STALE_RETRIES) {
                current = getAnswer(resourcePath).etag();
                continue;
            }
            return expect2xx(a, method + " " + actionPath);
        }
    }

    /** Every item of a paged list (follows {@code nextCursor}). */
    List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode page = get(path + sep + "limit=200" + (cursor == null ? "" : "&cursor=" + query(cursor)));
            page.path("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** Reads {@code path} until {@code done} holds for the answer; the services apply events asynchronously. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer a = send("GET", path, null, null, null);
            if (a.status() == 200 && done.test(a.body())) {
                return a.body();
            }
            if (a.status() != 200 && a.status() != 404) {
                expect(a, 200, "GET " + path);
            }
            if (System.nanoTime() > deadline) {
                throw new DemoException("gave up after " + timeout.toSeconds() + " s waiting for " + what
                        + " (GET " + path + " answered " + a.status() + ")");
            }
            pause(150);
        }
    }

    // ---------------------------------------------------------------- plumbing

    Answer send(String method, String path, String body, String contentType, String ifMatch) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json")
                    .header("X-Request-Id", "demo-data-" + requests.incrementAndGet());
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", contentType);
                b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DemoException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException(method + " " + path + " interrupted", e);
            }
            if (r.statusCode() == 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
                long wait = r.headers().firstValue("Retry-After").map(DemoApi::seconds).orElse(1L);
                pause(Math.max(200, wait * 1000));
                continue;
            }
            return new Answer(r.statusCode(), parse(r.body()), r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Location").orElse(null));
        }
    }

    private static long seconds(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A response body as JSON: an empty object for no body, {@code {"raw": …}} for one that is not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("raw", body);
        }
    }

    private static String json(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new DemoException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static Answer expect(Answer a, int status, String what) {
        if (a.status() != status) {
            throw failure(a, what);
        }
        return a;
    }

    private static Answer expect2xx(Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw failure(a, what);
        }
        return a;
    }

    private static DemoException failure(Answer a, String what) {
        JsonNode b = a.body();
        String detail = b.hasNonNull("detail") ? b.get("detail").asText()
                : b.hasNonNull("title") ? b.get("title").asText() : b.toString();
        if (detail.length() > 300) {
            detail = detail.substring(0, 300) + "…";
        }
        String hint = a.status() == 401 ? " (is the admin API key of this data folder still valid?)" : "";
        return new DemoException(what + " answered " + a.status() + ": " + detail + hint);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }
}
