package dev.tandem.platform.idempotency;

import static dev.tandem.platform.problem.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import dev.tandem.platform.problem.ProblemAssertions;
import dev.tandem.platform.web.testapp.Color;
import dev.tandem.platform.web.testapp.WidgetInput;
import dev.tandem.platform.web.testapp.WidgetResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyApiTest {

    private static final String BODY = """
            {"name":"%s","quantity":5,"color":"BLUE","tags":["a","b"]}""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Idempotency idempotency;

    @BeforeAll
    static void parser() {
        ProblemAssertions.init();
    }

    private static ExtractableResponse<io.restassured.response.Response> post(String key, String body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            spec.header(Idempotency.HEADER, key);
        }
        return spec.post("/test/widgets").then().extract();
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResponse() throws SQLException {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key;
        var first = post(key, BODY.formatted(name));
        assertEquals(201, first.statusCode());
        assertEquals(null, first.header(Idempotency.REPLAYED_HEADER));

        // Same body, fields in another order and whitespace: the same request.
        var second = post(key, """
                { "tags": ["a","b"], "color": "BLUE", "quantity": 5, "name": "%s" }""".formatted(name));
        assertEquals(201, second.statusCode());
        assertEquals("true", second.header(Idempotency.REPLAYED_HEADER));
        assertEquals((String) first.path("id"), second.path("id"));
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertTrue(second.contentType().startsWith("application/json"), second.contentType());
        assertEquals(1, count("select count(*) from test_widget where name = ?", name));
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndWritesNothing() throws SQLException {
        String key = UUID.randomUUID().toString();
        String name = "first-" + key;
        assertEquals(201, post(key, BODY.formatted(name)).statusCode());

        String other = "other-" + key;
        var response = given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body(BODY.formatted(other)).post("/test/widgets").then();
        assertProblem(response, 422, "idempotency-key-reused", "/test/widgets")
                .header(Idempotency.REPLAYED_HEADER, nullValue())
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, count("select count(*) from test_widget where name = ?", other));
        assertEquals(1, count("select count(*) from idempotency_key where idempotency_key = ?", key));
    }

    @Test
    void sameKeyInAnotherScopeIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        String scopeA = idempotency.fingerprint(Map.of("a", 1));
        assertEquals(scopeA, idempotency.fingerprint(Map.of("a", 1)));
        assertNotEquals(scopeA, idempotency.fingerprint(Map.of("a", 2)));
        Response a = QuarkusTransaction.requiringNew().call(() -> idempotency.execute(key, "POST /a", Map.of("x", 1),
                () -> Response.status(201).entity(Map.of("scope", "a")).build()));
        Response b = QuarkusTransaction.requiringNew().call(() -> idempotency.execute(key, "POST /b", Map.of("x", 2),
                () -> Response.status(201).entity(Map.of("scope", "b")).build()));
        assertEquals(Map.of("scope", "a"), a.getEntity());
        assertEquals(Map.of("scope", "b"), b.getEntity());
        assertEquals(null, b.getHeaderString(Idempotency.REPLAYED_HEADER));
    }

    @Test
    void failedCreateStoresNoKeySoTheKeyCanBeUsedAgain() throws SQLException {
        String key = UUID.randomUUID().toString();
        var failed = given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body(BODY.formatted("explode")).post("/test/widgets").then();
        assertProblem(failed, 500, "internal", "/test/widgets");
        assertEquals(0, count("select count(*) from idempotency_key where idempotency_key = ?", key));

        var invalid = post(key, BODY.formatted(""));
        assertEquals(400, invalid.statusCode());
        assertEquals(0, count("select count(*) from idempotency_key where idempotency_key = ?", key));

        var ok = post(key, BODY.formatted("after-failure-" + key));
        assertEquals(201, ok.statusCode());
        assertEquals(null, ok.header(Idempotency.REPLAYED_HEADER));
    }

    @Test
    void noKeyMeansNoBookkeeping() throws SQLException {
        String name = "nokey-" + UUID.randomUUID();
        String a = post(null, BODY.formatted(name)).path("id");
        String b = post(null, BODY.formatted(name)).path("id");
        assertNotEquals(a, b);
        assertEquals(2, count("select count(*) from test_widget where name = ?", name));
    }

    @Test
    void emptyOrTooLongKeyIs400NamingTheHeader() throws SQLException {
        String name = "badkey-" + UUID.randomUUID();
        for (String key : new String[] {"", "   ", "k".repeat(256), "tab\there"}) {
            var response = given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                    .body(BODY.formatted(name)).post("/test/widgets").then();
            assertEquals(400, response.extract().statusCode(), "key '" + key + "'");
            assertProblem(response, 400, "validation", "/test/widgets")
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(0, count("select count(*) from test_widget where name = ?", name));
        assertEquals(201, post("k".repeat(255), BODY.formatted(name)).statusCode());
    }

    @Test
    void executeOutsideATransactionIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> idempotency.execute("k", "POST /x", Map.of(),
                () -> Response.ok().build()));
    }

    @Test
    void concurrentDuplicateWaitsForTheFirstTransactionAndThenReplaysIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key;
        WidgetInput input = new WidgetInput(name, 5, Color.BLUE, null, null, null, null,
                java.util.List.of("a", "b"), null, null);
        String firstId = UUID.randomUUID().toString();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            raceOn(executor, key, name, input, firstId, inserted, release);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    private void raceOn(ExecutorService executor, String key, String name, WidgetInput input, String firstId,
            CountDownLatch inserted, CountDownLatch release) throws Exception {
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    Response r = idempotency.execute(key, WidgetResource.SCOPE, input, () -> Response
                            .created(URI.create("http://localhost/test/widgets/" + firstId))
                            .entity(Map.of("id", firstId, "name", name)).build());
                    inserted.countDown();
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                    return r;
                }), executor);
        await("the first transaction to write its key").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (first.isDone()) {
                        first.join(); // surfaces the failure
                    }
                    return inserted.getCount() == 0;
                });

        CompletableFuture<ExtractableResponse<io.restassured.response.Response>> second =
                CompletableFuture.supplyAsync(() -> post(key, BODY.formatted(name)), executor);
        awaitBlockedInsert();
        assertFalse(second.isDone(), "the duplicate must wait for the first transaction");

        release.countDown();
        assertEquals(201, first.get(30, TimeUnit.SECONDS).getStatus());
        var replay = second.get(30, TimeUnit.SECONDS);
        assertEquals(201, replay.statusCode(), replay.asString());
        assertEquals("true", replay.header(Idempotency.REPLAYED_HEADER));
        assertEquals(firstId, replay.path("id"));
        assertTrue(replay.header("Location").endsWith("/test/widgets/" + firstId), replay.header("Location"));
        assertEquals(0, count("select count(*) from test_widget where name = ?", name));
    }

    @Test
    void purgeDeletesOnlyKeysOlderThanTheRetention() throws SQLException {
        String oldKey = "old-" + UUID.randomUUID();
        String newKey = "new-" + UUID.randomUUID();
        assertEquals(201, post(oldKey, BODY.formatted(oldKey)).statusCode());
        assertEquals(201, post(newKey, BODY.formatted(newKey)).statusCode());
        execute("update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?",
                oldKey);

        assertTrue(idempotency.purgeOlderThan(Duration.ofHours(24)) >= 1);
        assertEquals(0, count("select count(*) from idempotency_key where idempotency_key = ?", oldKey));
        assertEquals(1, count("select count(*) from idempotency_key where idempotency_key = ?", newKey));
        // After the purge the old key is a new request again.
        var again = post(oldKey, BODY.formatted(oldKey + "-again"));
        assertEquals(201, again.statusCode());
        assertNotNull(again.path("id"));
        assertEquals(null, again.header(Idempotency.REPLAYED_HEADER));
    }

    private void awaitBlockedInsert() {
        await("the duplicate's insert to block").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and query like 'INSERT INTO idempotency_key%'", null) > 0);
    }

    private long count(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            ps.executeUpdate();
        }
    }
}
