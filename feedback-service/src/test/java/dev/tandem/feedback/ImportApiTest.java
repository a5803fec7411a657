package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.feedback.feedback.FeedbackImport;
import dev.tandem.platform.problem.Problem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;


/** Bulk import through the real HTTP stack into PostgreSQL, with exact counts. */
@QuarkusTest
class ImportApiTest {

    private static final String HEADER = "source,externalReference,customerId,productId,title,text,receivedAt,tags,owner\n";

    /** The import limit: quarkus.http.limits.max-body-size of this service. */
    private static final long IMPORT_LIMIT = 100L * 1024 * 1024;

    @TestHTTPResource("/")
    URI root;

    private static Response post(String path, String contentType, byte[] body) {
        return given().contentType(contentType).body(body).post(path);
    }

    /** A POST whose body has no Content-Length (HTTP/1.1 chunked), as the gateway's internal caller would send it. */
    private CompletableFuture<HttpResponse<String>> chunked(String path, String contentType, InputStream body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.sendAsync(HttpRequest.newBuilder(root.resolve(path.substring(1)))
                        .header("Content-Type", contentType)
                        .header(TestTokens.HEADER, TestTokens.mint("feedback:read", "feedback:write"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int itemsOf(UUID customer) {
        return given().queryParam("customerId", customer).queryParam("limit", 200).get("/api/v1/feedback").then()
                .statusCode(200).extract().path("items.size()");
    }

    @Test
    void aChunkedNdjsonImportIsStreamedBatchByBatchWhileItIsSent() throws Exception {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int first = FeedbackImport.BATCH_SIZE + 100;
        StringBuilder head = new StringBuilder();
        for (int i = 1; i <= first; i++) {
            head.append(ndjsonRow(run, i, customer, product));
        }
        String tail = ndjsonRow(run, first + 1, customer, product) + ndjsonRow(run, first + 2, customer, product);
        CountDownLatch release = new CountDownLatch(1);
        // sends the first rows, then holds the rest of the body back until the test has seen the first batch
        InputStream held = new InputStream() {
            private InputStream rest;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (rest == null) {
                    try {
                        release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    rest = new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8));
                }
                return rest.read(b, off, len);
            }
        };
        CompletableFuture<HttpResponse<String>> answer = chunked("/api/v1/feedback/imports", "application/x-ndjson",
                new SequenceInputStream(new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)), held));

        int seen = await("the first batch written").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> itemsOf(customer), greaterThan(0));
        // a buffered body would be imported only after its last byte: here the first batch is in before it is sent
        assertEquals(200, seen, "the first batch of 500 was written while the body was still being sent");
        assertFalse(answer.isDone(), "the import cannot have answered before the end of its body");
        release.countDown();

        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        JsonPath result = JsonPath.from(response.body());
        assertEquals(first + 2, result.getInt("created"));
        assertEquals(0, result.getInt("rejected"));
    }

    private static String ndjsonRow(String run, int i, UUID customer, UUID product) {
        return """
                {"source": "SUPPORT", "externalReference": "CH-%s-%d", "customerId": "%s", "productId": "%s", "title": "Chunked %d", "text": "Streamed row %d"}
                """.formatted(run, i, customer, product, i, i);
    }

    @Test
    void aChunkedCsvImportPastTheLimitIsA413ProblemSayingWhatWasImported() throws Exception {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder good = new StringBuilder(HEADER);
        for (int i = 1; i <= 3; i++) {
            good.append("SUPPORT,BIG-").append(run).append('-').append(i).append(',').append(customer).append(',')
                    .append(product).append(",Row ").append(i).append(",Fine,,,\n");
        }
        byte[] prefix = good.toString().getBytes(StandardCharsets.UTF_8);
        // then rows of an unknown source (rejected while parsing, so the test stays fast) up to one byte past the limit
        byte[] bad = ("FAX,X,Y,Z,T," + "x".repeat(990) + ",,,\n").getBytes(StandardCharsets.UTF_8);
        long total = IMPORT_LIMIT + 1;
        InputStream body = new InputStream() {
            private long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - sent);
                for (int i = 0; i < n; i++, sent++) {
                    b[off + i] = sent < prefix.length ? prefix[(int) sent] : bad[(int) ((sent - prefix.length) % bad.length)];
                }
                return n;
            }
        };
        HttpResponse<String> response = chunked("/api/v1/imports/feedback", "text/csv", body).get(300, TimeUnit.SECONDS);

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE),
                response.headers().map().toString());
        JsonPath problem = JsonPath.from(response.body());
        assertEquals(Problem.TYPE_BASE + "payload-too-large", problem.getString("type"));
        assertEquals("/api/v1/imports/feedback", problem.getString("instance"));
        String detail = problem.getString("detail");
        Matcher m = Pattern.compile("before line (\\d+) were imported \\((\\d+) created, (\\d+) unchanged, (\\d+) rejected\\)")
                .matcher(detail);
        assertTrue(m.find(), detail);
        int resumeLine = Integer.parseInt(m.group(1));
        assertTrue(detail.contains(String.valueOf(IMPORT_LIMIT)), detail);
        assertEquals(3, Integer.parseInt(m.group(2)), detail);
        assertEquals(0, Integer.parseInt(m.group(3)), detail);
        // header (line 1), three good rows (2-4), then every bad row before the resume line was rejected
        assertEquals(resumeLine - 5, Integer.parseInt(m.group(4)), detail);
        assertTrue(resumeLine > 100_000, detail);
        // the rows before the limit are in: sending the rest (or everything again) is safe
        assertEquals(3, itemsOf(customer));
    }

    @Test
    void aLineLongerThanAnyRowIsRejectedUnreadAndTheRowsAroundItAreImported() throws Exception {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // 2 MB without a line break: never held whole, its row rejected, the next row read as usual
        String endless = "{\"source\": \"SUPPORT\", \"title\": \"" + "x".repeat(2_000_000) + "\"}\n";
        String body = ndjsonRow(run, 1, customer, product) + endless + ndjsonRow(run, 2, customer, product);
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/feedback").then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(2))
                .body("rejected", org.hamcrest.Matchers.equalTo(1))
                .body("errors[0].line", org.hamcrest.Matchers.equalTo(2))
                .body("errors[0].reason", org.hamcrest.Matchers.startsWith("longer than 262,144 characters"));
        // the same in CSV: a quoted field that never ends within the limit
        String csv = HEADER + "SUPPORT,CSVLONG-" + run + "," + customer + "," + product + ",\"" + "y\n".repeat(200_000)
                + "\",text,,,\nSUPPORT,CSVOK-" + run + "," + customer + "," + product + ",Fine,Row,,,\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/feedback").then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(1))
                .body("rejected", org.hamcrest.Matchers.equalTo(1))
                .body("errors[0].reason", org.hamcrest.Matchers.startsWith("longer than 262,144 characters"));
    }

    @Test
    void aChunkedJsonBodyToAnotherRouteKeepsThe1MbLimit() throws Exception {
        byte[] big = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked("/api/v1/customers", "application/json", new ByteArrayInputStream(big))
                .get(60, TimeUnit.SECONDS);
        assertEquals(413, response.statusCode(), response.body());
        JsonPath problem = JsonPath.from(response.body());
        assertEquals(Problem.TYPE_BASE + "payload-too-large", problem.getString("type"));
        assertTrue(problem.getString("detail").contains("1048576"), problem.getString("detail"));
    }

    @Test
    void importsAHundredThousandRowsAndReportsEachBadOne() throws Exception {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 100_000; i++) {
            String source = i % 20_000 == 7 ? "FAX" : "SUPPORT";
            String who = i % 10_000 == 0 ? UUID.randomUUID().toString() : customer.toString();
            String ref = i % 25_000 == 3 ? "BULK-" + run + "-1" : "BULK-" + run + "-" + i;
            csv.append(source).append(',').append(ref).append(',').append(who).append(',').append(product)
                    .append(",Row ").append(i).append(",\"The export is slow, very slow, row ").append(i)
                    .append("\",2026-11-1").append(i % 10).append("T08:00:00Z,bulk|perf,ana.pm@example.com\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        csv = null;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        // a loaded 2-core CI machine needs minutes: wait up to 20 for the answer
        Response response = given().config(io.restassured.RestAssured.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.socket.timeout", 1_200_000)))
                .contentType("text/csv").body(body).post("/api/v1/imports/feedback");
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampling.set(false);
        sampler.join();
        System.out.printf("IMPORT-BENCHMARK rows=100000 bytes=%d time=%d ms heapBefore=%d MB peakHeap=%d MB maxHeap=%d MB%n",
                body.length, millis, heapBefore >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);

        // 10 unknown customers, 5 unknown sources, 4 repeats of row 1's reference (unchanged)
        response.then().statusCode(200)
                .body("created", equalTo(99_981))
                .body("unchanged", equalTo(4))
                .body("rejected", equalTo(15))
                .body("errorsTruncated", equalTo(false))
                .body("errors", hasSize(15))
                .body("errors[0].line", equalTo(8))
                .body("errors[0].reason", containsString("source"))
                .body("errors[1].line", equalTo(10_001))
                .body("errors[1].reason", equalTo("customerId: no such customer"));
        given().queryParam("customerId", customer).queryParam("tag", "bulk").queryParam("limit", 200)
                .get("/api/v1/feedback").then().statusCode(200).body("items", hasSize(200));
        given().queryParam("q", "row 99999").queryParam("customerId", customer).get("/api/v1/feedback").then()
                .body("items.title", equalTo(List.of("Row 99999")));
    }

    @Test
    void ndjsonIsImportedUnderBothPathsAndASecondRunChangesNothing() {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ndjson = """
                {"source": "SOCIAL", "externalReference": "TW-%1$s-1", "customerId": "%2$s", "productId": "%3$s", "title": "Love it", "text": "Great new dashboard", "tags": ["ui"]}

                {"source": "SOCIAL", "externalReference": "TW-%1$s-2", "customerId": "%2$s", "productId": "%3$s", "title": "Hm", "text": "ok", "stars": 5}
                not json
                {"source": "SOCIAL", "externalReference": "TW-%1$s-3", "customerId": "%2$s", "productId": "%4$s", "title": "Hm", "text": "ok"}
                {"source": "SOCIAL", "externalReference": "TW-%1$s-4", "customerId": "%2$s", "productId": "%3$s", "title": "Hm", "text": "ok", "receivedAt": "yesterday"}
                {"source": "SOCIAL", "externalReference": "TW-%1$s-5", "customerId": "%2$s", "productId": "%3$s", "title": "Meh", "text": "It crashes", "tags": "ui"}
                """.formatted(run, customer, product, UUID.randomUUID());
        byte[] body = ndjson.getBytes(StandardCharsets.UTF_8);
        post("/api/v1/feedback/imports", "application/x-ndjson", body).then().statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(0)).body("rejected", equalTo(5))
                .body("errors.line", equalTo(List.of(3, 4, 5, 6, 7)))
                .body("errors[0].reason", containsString("unknown field stars"))
                .body("errors[1].reason", equalTo("not valid JSON"))
                .body("errors[2].reason", containsString("productId"))
                .body("errors[3].reason", containsString("receivedAt"))
                .body("errors[4].reason", containsString("tags"));
        post("/api/v1/imports/feedback", "application/x-ndjson", body).then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(1)).body("rejected", equalTo(5));
        given().queryParam("customerId", customer).get("/api/v1/feedback").then()
                .body("items.title", equalTo(List.of("Love it")))
                .body("items[0].tags", equalTo(List.of("ui")));
    }

    @Test
    void aBadHeaderOrMediaTypeIsRefusedAndOtherRoutesKeepTheirLimit() {
        post("/api/v1/imports/feedback", "text/csv",
                "source,externalReference,customerId,title\nSUPPORT,X,Y,Z\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].message", containsString("productId"));
        post("/api/v1/imports/feedback", "text/csv",
                "source,externalReference,customerId,productId,title,text,color\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("errors[0].message", containsString("color"));
        post("/api/v1/imports/feedback", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415);
        byte[] big = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(big).post("/api/v1/customers").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void quotedCsvFieldsMayHoldCommasQuotesAndLineBreaks() {
        UUID customer = TestData.customer();
        UUID product = TestData.product();
        String ref = "Q-" + UUID.randomUUID();
        String csv = "title,text,source,externalReference,customerId,productId\n"
                + "\"Slow, really\",\"He said \"\"too slow\"\"\nand left\",SALES," + ref + "," + customer + "," + product + "\n"
                + "Broken,\"never closed,SALES,B-" + ref + "," + customer + "," + product + "\n";
        post("/api/v1/imports/feedback", "text/csv; charset=utf-8", csv.getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(4));
        given().queryParam("customerId", customer).get("/api/v1/feedback").then()
                .body("items[0].title", equalTo("Slow, really"))
                .body("items[0].text", equalTo("He said \"too slow\"\nand left"));
    }
}
