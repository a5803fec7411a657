package dev.tandem.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tandem.platform.problem.Problem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * A path in tandem.http.streamed-body-paths gets its chunked body as a stream (not buffered by the platform), and
 * past quarkus.http.limits.max-body-size (64K here) the read ends in the platform's 413 problem, not Quarkus' bare one.
 */
@QuarkusTest
class StreamedBodyTest {

    @TestHTTPResource("/")
    URI root;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> chunked(String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(root.resolve("test/streamed")).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyUpToTheLimitIsReadWhole() throws Exception {
        for (String type : new String[] {"text/csv", "application/x-ndjson"}) {
            HttpResponse<String> ok = chunked(type, new byte[64 * 1024]);
            assertEquals(200, ok.statusCode(), type + ": " + ok.body());
            assertEquals(64 * 1024, JsonPath.from(ok.body()).getLong("bytes"), type);
        }
    }

    @Test
    void aChunkedBodyPastTheLimitIsA413Problem() throws Exception {
        for (String type : new String[] {"text/csv", "application/x-ndjson"}) {
            HttpResponse<String> tooBig = chunked(type, new byte[64 * 1024 + 1]);
            assertEquals(413, tooBig.statusCode(), type + ": " + tooBig.body());
            assertTrue(tooBig.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE),
                    type + ": " + tooBig.headers().map());
            JsonPath problem = JsonPath.from(tooBig.body());
            assertEquals(Problem.TYPE_BASE + "payload-too-large", problem.getString("type"));
            assertEquals("/test/streamed", problem.getString("instance"));
            assertTrue(problem.getString("detail").contains(String.valueOf(64 * 1024)), problem.getString("detail"));
            assertEquals(tooBig.headers().firstValue("X-Request-Id").orElseThrow(), problem.getString("requestId"));
        }
    }
}
