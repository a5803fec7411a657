package dev.tandem.platform.paging;

import static dev.tandem.platform.problem.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.platform.problem.ProblemAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaginationApiTest {

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    @BeforeAll
    static void parser() {
        ProblemAssertions.init();
    }

    private static List<String> createBatch(String batch, int count, boolean sameTime) {
        return given().queryParam("batch", batch).queryParam("count", count).queryParam("sameTime", sameTime)
                .post("/test/widgets/bulk").then().statusCode(200).extract().jsonPath().getList("", String.class);
    }

    @Test
    void walksThreePagesThroughNextLinksWithoutGapsOrDuplicates() {
        String batch = "walk-" + UUID.randomUUID();
        List<String> created = createBatch(batch, 10, false);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String url = "/test/widgets?batch=" + batch + "&limit=4";
        while (url != null) {
            Response page = given().urlEncodingEnabled(false).get(url);
            page.then().statusCode(200);
            List<String> ids = page.jsonPath().getList("items.id", String.class);
            pageSizes.add(ids.size());
            seen.addAll(ids);
            String link = page.header("Link");
            String nextCursor = page.jsonPath().getString("nextCursor");
            if (link == null) {
                assertNull(nextCursor);
                url = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertTrue(m.matches(), link);
                url = m.group(1);
                assertTrue(url.startsWith("/test/widgets?"), url);
                assertTrue(url.contains("batch=" + batch), "other query params are kept: " + url);
                assertTrue(url.contains("limit=4"), url);
                assertTrue(url.contains("cursor=" + nextCursor), url);
            }
            assertTrue(pageSizes.size() <= 5, "runaway pagination");
        }
        assertEquals(List.of(4, 4, 2), pageSizes);
        assertEquals(10, new HashSet<>(seen).size(), "no duplicates");
        assertEquals(new HashSet<>(created), new HashSet<>(seen), "no gaps");
    }

    @Test
    void rowsWithTheSameTimestampAreOrderedByIdAcrossPages() {
        String batch = "tie-" + UUID.randomUUID();
        List<String> created = createBatch(batch, 7, true);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = given().queryParam("batch", batch).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            Response page = spec.get("/test/widgets");
            seen.addAll(page.jsonPath().getList("items.id", String.class));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        // PostgreSQL orders uuids byte-wise, as their lowercase hex strings sort (java.util.UUID does not).
        List<String> expected = created.stream().sorted().toList();
        assertEquals(expected, seen);
    }

    @Test
    void lastPageHasNoCursorAndNoLink() {
        String batch = "exact-" + UUID.randomUUID();
        createBatch(batch, 2, false);
        Response page = given().queryParam("batch", batch).queryParam("limit", 2).get("/test/widgets");
        page.then().statusCode(200);
        assertEquals(2, page.jsonPath().getList("items").size());
        assertNull(page.header("Link"));
        assertTrue(!page.asString().contains("nextCursor"), page.asString());
    }

    @Test
    void defaultLimitIs50() {
        String batch = "default-" + UUID.randomUUID();
        createBatch(batch, 55, false);
        Response page = given().queryParam("batch", batch).get("/test/widgets");
        assertEquals(50, page.jsonPath().getList("items").size());
        assertNotNull(page.header("Link"));
        assertTrue(page.header("Link").contains("limit=50"));
    }

    @Test
    void badCursorIs400NamingCursor() {
        var response = given().queryParam("cursor", "not-a-cursor!").get("/test/widgets").then();
        assertProblem(response, 400, "validation", "/test/widgets").body("errors[0].field", equalTo("cursor"));
        String wrongShape = Cursor.of("yesterday", "not-a-uuid").encode();
        var shape = given().queryParam("cursor", wrongShape).get("/test/widgets").then();
        assertProblem(shape, 400, "validation", "/test/widgets").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void limitOutOfRangeOrNotANumberIs400NamingLimit() {
        for (String limit : List.of("0", "201", "abc")) {
            var response = given().queryParam("limit", limit).get("/test/widgets").then();
            assertProblem(response, 400, "validation", "/test/widgets").body("errors[0].field", equalTo("limit"));
        }
    }
}
