package dev.tandem.product.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.product.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Filters and sorts of GET /api/v1/products, walked page by page. */
@QuarkusTest
class ProductListApiTest {

    /** Every item of the list for these query parameters, following nextCursor with pages of 2. */
    private static List<Map<String, Object>> walk(Map<String, Object> query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(query).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/products");
            page.then().statusCode(200);
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ++pages < 500);
        return all;
    }

    private static List<String> field(List<Map<String, Object>> items, String name) {
        return items.stream().map(i -> (String) i.get(name)).toList();
    }

    @Test
    void filtersByOwnerTextAndStage() {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String a = Fixtures.product("Alpha " + marker.toUpperCase(), owner, null);
        String b = Fixtures.product("Beta", owner, "Vision with " + marker + " inside");
        String c = Fixtures.product("Gamma", owner, "Nothing");
        String other = Fixtures.product("Other " + marker, "someone-else@example.com", null);
        Fixtures.withCurrentETag("POST", "/api/v1/products/" + c + "/lifecycle",
                "{\"stage\": \"LAUNCHED\", \"reason\": \"r\", \"changedBy\": \"a\"}").then().statusCode(200);

        assertEquals(List.of(a, b, c), field(walk(Map.of("owner", owner)), "id"));
        assertEquals(List.of(a, b), field(walk(Map.of("owner", owner, "q", marker.toUpperCase())), "id"),
                "q matches name or vision, case-insensitively");
        assertEquals(List.of(a, b, other), field(walk(Map.of("q", marker)), "id"));
        assertEquals(List.of(c), field(walk(Map.of("owner", owner, "lifecycleStage", "LAUNCHED")), "id"));
        String key = given().get("/api/v1/products/" + c).path("key");
        assertEquals(List.of(c), field(walk(Map.of("q", key.toLowerCase())), "id"), "q matches the key");
        assertEquals(List.of(), walk(Map.of("q", "%_" + marker)), "wildcards are literal");
    }

    @Test
    void eachSortWalksEveryProductOnceInOrder() {
        String owner = "sorter-" + UUID.randomUUID() + "@example.com";
        for (String name : List.of("Mango", "apple", "Kiwi", "Mango", "Banana")) {
            Fixtures.product(name, owner, null);
        }
        List<Map<String, Object>> byCreated = walk(Map.of("owner", owner));
        assertEquals(5, byCreated.size());
        List<String> ids = field(byCreated, "id");

        List<Map<String, Object>> newest = walk(Map.of("owner", owner, "sort", "-createdAt"));
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, field(newest, "id"));

        List<Map<String, Object>> byName = walk(Map.of("owner", owner, "sort", "name"));
        assertEquals(5, byName.stream().map(i -> i.get("id")).distinct().count(), "no product twice, none lost");
        List<String> names = field(byName, "name");
        assertTrue(names.equals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList())
                || names.equals(names.stream().sorted().toList()), "ordered by name: " + names);
        List<Map<String, Object>> onePage = given().queryParam("owner", owner).queryParam("sort", "name")
                .queryParam("limit", 200).get("/api/v1/products").path("items");
        assertEquals(field(onePage, "id"), field(byName, "id"), "pages of 2 give the same order as one page");

        List<Map<String, Object>> byKey = walk(Map.of("owner", owner, "sort", "key"));
        List<String> keys = field(byKey, "key");
        assertEquals(keys.stream().sorted(Comparator.naturalOrder()).toList(), keys);
        assertEquals(5, keys.stream().distinct().count());
    }

    @Test
    void anUnknownSortAndACursorOfAnotherSortAreNamed() {
        given().queryParam("sort", "price").get("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sort"));
        Fixtures.product();
        Fixtures.product();
        String cursor = given().queryParam("limit", 1).queryParam("sort", "name").get("/api/v1/products")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("cursor", cursor).queryParam("sort", "-createdAt").get("/api/v1/products")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().queryParam("cursor", cursor).queryParam("sort", "name").get("/api/v1/products")
                .then().statusCode(200);
        given().queryParam("lifecycleStage", "SOLD").get("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("lifecycleStage"));
        given().queryParam("q", "x".repeat(201)).get("/api/v1/products").then().statusCode(400)
                .body("title", equalTo("Invalid request"));
    }
}
