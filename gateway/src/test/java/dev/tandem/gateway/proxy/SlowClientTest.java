package dev.tandem.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Clients that send their request bodies slowly: the upstream's timeout starts once the upstream has the whole
 * request, and a slow client never counts as a failure of the upstream (it must not open the circuit for everyone).
 */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class SlowClientTest {

    /** Bytes per step and the pause between steps: 20 bytes take about 2 s, far beyond the upstream's 300 ms. */
    private static final int BODY_BYTES = 20;
    private static final int STEP_BYTES = 2;
    private static final long STEP_MILLIS = 200;

    @Inject
    ApiKeys apiKeys;

    /** A status line, and the body of the answer. */
    record Answer(int status, String contentType, String body) {
    }

    @Test
    void slowUploadsReachTheUpstreamAndNeverOpenItsCircuit() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:write");
        List<CompletableFuture<Answer>> uploads = new ArrayList<>();
        for (int i = 0; i < TestUpstreams.CIRCUIT_THRESHOLD + 2; i++) {
            uploads.add(CompletableFuture.supplyAsync(() -> slowUpload(key, "/api/v1/uploads/slow", BODY_BYTES)));
        }
        for (CompletableFuture<Answer> upload : uploads) {
            Answer answer = upload.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), "a slow upload is not the upstream's fault: " + answer);
            JsonPath echo = new JsonPath(answer.body());
            assertEquals(BODY_BYTES, echo.getInt("bodyLength"), "the whole body reached the upstream");
        }
        // the upstream's circuit is still closed: a normal request goes through
        given().header("X-API-Key", key).get("/api/v1/uploads/after").then()
                .statusCode(200).body("upstream", is("uploads"));
    }

    @Test
    void aClientThatDoesNotSendItsBodyInTimeGetsA408AndTheUpstreamsCircuitStaysClosed() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:write");
        int bytes = 40; // about 4 s at this pace, against the route's 1 s
        for (int i = 0; i < TestUpstreams.CIRCUIT_THRESHOLD + 1; i++) {
            long start = System.nanoTime();
            Answer answer = slowUpload(key, "/api/v1/uploads/impatient", bytes);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(408, answer.status(), answer.toString());
            assertEquals("application/problem+json", answer.contentType());
            JsonPath problem = new JsonPath(answer.body());
            assertEquals("https://tandem.dev/problems/request-timeout", problem.getString("type"));
            assertEquals("/api/v1/uploads/impatient", problem.getString("instance"));
            assertTrue(problem.getString("detail").contains(TestUpstreams.UPLOADS_RECEIVE_TIMEOUT_MILLIS + " ms"),
                    problem.getString("detail"));
            assertTrue(problem.getString("requestId") != null, answer.toString());
            assertTrue(took < bytes / STEP_BYTES * STEP_MILLIS, "answered before the body was complete: " + took);
        }
        given().header("X-API-Key", key).get("/api/v1/uploads/after").then()
                .statusCode(200).body("upstream", is("uploads"));
    }

    /** Sends a body of {@code length} bytes, {@link #STEP_BYTES} every {@link #STEP_MILLIS}, and reads the answer. */
    static Answer slowUpload(String key, String path, int length) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port + "\r\nX-API-Key: " + key
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                for (int sent = 0; sent < length; sent += STEP_BYTES) {
                    Thread.sleep(STEP_MILLIS);
                    if (in.available() > 0) {
                        break; // answered before the body is complete: stop sending, read the answer
                    }
                    out.write("ab".repeat(STEP_BYTES).substring(0, Math.min(STEP_BYTES, length - sent))
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closedByTheGateway) {
                // the gateway may answer and close before the body is complete: read what it said
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole answer up to the end of the connection (the request asked for Connection: close). */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer: keep what came
        }
        String text = all.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("HTTP/1.1 "), "an HTTP answer: " + text);
        int status = Integer.parseInt(text.substring(9, 12));
        int headersEnd = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, headersEnd).toLowerCase(java.util.Locale.ROOT);
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            if (line.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        String body = text.substring(headersEnd + 4);
        if (headers.contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
