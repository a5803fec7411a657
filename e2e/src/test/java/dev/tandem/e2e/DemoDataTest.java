package dev.tandem.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.devstack.demo.DemoData;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackEndpoints;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo data of {@code ./run}, loaded through the gateway of the system-test stack, seen the way a newcomer
 * would look at it: three products at different stages, a product overview, a backlog ranked by customer demand,
 * projects in different health, a thousand feedback items, a released feature whose customers were told. Loading
 * again finds the data and does nothing.
 */
class DemoDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static StackEndpoints stack;
    private static String adminKey;
    private static DemoData.Result firstLoad;

    @BeforeAll
    static void loadTheDemoData() throws Exception {
        stack = SystemUnderTest.endpoints();
        adminKey = Files.readString(Stack.adminKeyFile(stack.dataDir())).strip();
        firstLoad = new DemoData(Map.of(), System.out::println).load(stack.gatewayUrl(), adminKey);
    }

    @Test
    void threeProductsAtDifferentLifecycleStages() throws Exception {
        Map<String, String> stages = new HashMap<>();
        for (String key : List.of("CHK", "INS", "MOB")) {
            JsonNode product = product(key);
            stages.put(key, product.path("lifecycleStage").asText());
            assertFalse(product.path("vision").asText().isBlank(), key + " has a vision");
        }
        assertEquals(Map.of("CHK", "GROWTH", "INS", "LAUNCHED", "MOB", "DEVELOPMENT"), stages);
    }

    @Test
    void theCheckoutOverviewShowsObjectivesBacklogAndProjects() throws Exception {
        String id = product("CHK").path("id").asText();
        JsonNode overview = json(get("/api/v1/products/" + id + "/overview"), 200);
        assertEquals("CHK", overview.path("product").path("key").asText());
        assertTrue(overview.path("objectives").path("items").size() >= 2, overview.path("objectives").toString());
        assertTrue(overview.path("backlog").path("items").size() > 0, "backlog in the overview");
        assertTrue(overview.path("projects").path("items").size() >= 3, "Checkout's projects in the overview");
    }

    @Test
    void theBacklogIsRankedWithCustomerDemand() throws Exception {
        String id = product("CHK").path("id").asText();
        JsonNode backlog = eventually("/api/v1/products/" + id + "/backlog?limit=50",
                b -> count(b.path("items"), row -> row.path("demand").path("weightedDemand").path("amount")
                        .asDouble() > 0) >= 5,
                "demand on at least five Checkout features");
        JsonNode first = backlog.path("items").get(0);
        assertEquals(1, first.path("rank").asInt());
        assertTrue(first.path("priority").asDouble() > 0, first.toString());
        assertTrue(backlog.path("total").asInt() >= 8, "the backlog holds the open Checkout features");
    }

    @Test
    void featuresServeTheirProductsObjectives() throws Exception {
        String id = product("CHK").path("id").asText();
        List<JsonNode> objectives = all("/api/v1/objectives?productId=" + id);
        assertTrue(objectives.size() >= 2, "Checkout has objectives");
        int served = 0;
        for (JsonNode objective : objectives) {
            List<JsonNode> features = all("/api/v1/features?objectiveId=" + objective.path("id").asText());
            for (JsonNode f : features) {
                assertEquals(id, f.path("productId").asText(), "an objective's features are of its product");
                assertEquals(objective.path("id").asText(), f.path("objectiveId").asText());
            }
            served += features.size();
        }
        assertTrue(served >= 5, "most Checkout features past the idea stage serve an objective: " + served);
    }

    @Test
    void projectsAreInDifferentHealth() throws Exception {
        Set<String> health = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        for (String key : List.of("CHK", "INS", "MOB")) {
            String productId = product(key).path("id").asText();
            for (JsonNode p : json(get("/api/v1/projects?limit=200&productId=" + productId), 200).path("items")) {
                health.add(p.path("health").asText());
                statuses.add(p.path("status").asText());
            }
        }
        assertTrue(health.containsAll(Set.of("GREEN", "RED")) && health.size() >= 2, "health: " + health);
        assertTrue(statuses.containsAll(Set.of("APPROVED", "ACTIVE", "COMPLETED")), "statuses: " + statuses);
    }

    @Test
    void aThousandFeedbackItemsFromEveryChannel() throws Exception {
        int total = 0;
        Set<String> sources = new HashSet<>();
        for (String key : List.of("CHK", "INS", "MOB")) {
            String productId = product(key).path("id").asText();
            List<JsonNode> items = all("/api/v1/feedback?productId=" + productId);
            total += items.size();
            items.forEach(i -> sources.add(i.path("source").asText()));
        }
        assertTrue(total >= 1000, "feedback items: " + total);
        assertEquals(Set.of("SUPPORT", "SURVEY", "INTERVIEW", "SALES", "IN_APP", "SOCIAL", "OTHER"), sources);
    }

    @Test
    void theReleasedFeaturesCustomersWereTold() throws Exception {
        String productId = product("CHK").path("id").asText();
        JsonNode released = null;
        for (JsonNode f : json(get("/api/v1/features?limit=200&status=RELEASED&productId=" + productId), 200)
                .path("items")) {
            released = f;
        }
        assertTrue(released != null, "a released Checkout feature");
        eventually("/api/v1/feedback?status=ADDRESSED&featureId=" + released.path("id").asText(),
                page -> page.path("items").size() >= 5, "the released feature's feedback to be ADDRESSED");
    }

    @Test
    void loadingAgainFindsTheDataAndChangesNothing() throws Exception {
        assertTrue(firstLoad.loaded(), firstLoad.message());
        int before = json(get("/api/v1/customers?limit=200&q=CRM-100"), 200).path("items").size();
        assertEquals(60, before, "the demo's customers");
        DemoData.Result again = new DemoData(Map.of(), System.out::println).load(stack.gatewayUrl(), adminKey);
        assertFalse(again.loaded(), again.message());
        assertTrue(again.message().contains("already loaded"), again.message());
        assertEquals(before, json(get("/api/v1/customers?limit=200&q=CRM-100"), 200).path("items").size());
    }

    // ---------------------------------------------------------------- helpers

    private static Response get(String path) {
        return given().baseUri(stack.gatewayUrl()).header("Authorization", "Bearer " + adminKey)
                .accept("application/json").get(path);
    }

    private static JsonNode json(Response r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.asString());
        return JSON.readTree(r.asString());
    }

    private static JsonNode product(String key) throws Exception {
        for (JsonNode p : json(get("/api/v1/products?limit=200&q=" + key), 200).path("items")) {
            if (key.equals(p.path("key").asText())) {
                return p;
            }
        }
        throw new AssertionError("no product " + key);
    }

    private static List<JsonNode> all(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Response r = given().baseUri(stack.gatewayUrl()).header("Authorization", "Bearer " + adminKey)
                    .queryParam("limit", 200).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(path);
            JsonNode page = json(r, 200);
            page.path("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    private static int count(JsonNode items, Predicate<JsonNode> test) {
        int n = 0;
        for (JsonNode i : items) {
            if (test.test(i)) {
                n++;
            }
        }
        return n;
    }

    /** Polls {@code path} until {@code done} holds (the services apply each other's events asynchronously). */
    private static JsonNode eventually(String path, Predicate<JsonNode> done, String what) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return await(what).atMost(EVENTUALLY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Response r = get(path);
                        if (r.statusCode() != 200) {
                            return null;
                        }
                        last.set(JSON.readTree(r.asString()));
                        return last.get();
                    }, body -> body != null && done.test(body));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + EVENTUALLY.toSeconds() + " s for " + what + "; last answer: "
                    + last.get(), e);
        }
    }
}
