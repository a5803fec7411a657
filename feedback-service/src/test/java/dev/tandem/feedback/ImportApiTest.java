package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Bulk import through the real HTTP stack into PostgreSQL, with exact counts. */
@QuarkusTest
class ImportApiTest {

    private static final String HEADER = "source,externalReference,customerId,productId,title,text,receivedAt,tags,owner\n";

    private static Response post(String path, String contentType, byte[] body) {
        return given().contentType(contentType).body(body).post(path);
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
