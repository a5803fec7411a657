package dev.tandem.platform.problem;

import static dev.tandem.platform.problem.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error Quarkus or the code can raise is application/problem+json with instance and requestId. */
@QuarkusTest
class ProblemJsonTest {

    private static final String WIDGETS = "/test/widgets";
    private static final String VALID = """
            {"name":"w","quantity":1,"color":"RED"}""";

    @TestHTTPResource("/")
    URI root;

    @BeforeAll
    static void parser() {
        ProblemAssertions.init();
    }

    @Test
    void aControlCharacterInAnyTextFieldIsA400NamingTheFieldAndNothingIsWritten() {
        long before = given().get(WIDGETS).then().statusCode(200).extract().jsonPath().getList("items").size();
        var nul = given().contentType(ContentType.JSON)
                .body("{\"name\": \"w\\u0000x\", \"quantity\": 1, \"color\": \"RED\"}")
                .when().post(WIDGETS).then();
        assertProblem(nul, 400, "validation", WIDGETS)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain control characters (U+0000 at position 2)"));
        // inside lists and nested objects too; tab, line feed and carriage return are text, not control
        var nested = given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\\tb\\r\\nc\", \"quantity\": 1, \"color\": \"RED\", \"tags\": [\"ok\", \"bell\\u0007\"]}")
                .when().post(WIDGETS).then();
        assertProblem(nested, 400, "validation", WIDGETS).body("errors[0].field", equalTo("tags[1]"));
        assertEquals(before, given().get(WIDGETS).then().statusCode(200).extract().jsonPath().getList("items").size(),
                "nothing written");
    }

    @Test
    void aControlCharacterInAQueryParameterIs400NamingIt() {
        // NUL reached PostgreSQL as a query parameter: a 500
        var nul = given().urlEncodingEnabled(false).when().get(WIDGETS + "?batch=a%00b").then();
        assertProblem(nul, 400, "validation", WIDGETS)
                .body("errors[0].field", equalTo("batch"))
                .body("errors[0].message", equalTo("must not contain control characters (U+0000 at position 2)"));
        var escape = given().urlEncodingEnabled(false).when().get(WIDGETS + "?batch=x&%1Bname=1").then();
        assertProblem(escape, 400, "validation", WIDGETS).body("errors[0].field", equalTo("?name"));
        given().urlEncodingEnabled(false).when().get(WIDGETS + "?batch=a%09b%C3%BC").then().statusCode(200);
    }

    @Test
    void aFieldSentTwiceIsMalformedJsonNotAServerError() {
        // a record's creator saw the field twice: Jackson failed with a definition error, answered 500
        var response = given().contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"quantity\":1,\"color\":\"RED\",\"name\":\"x\"}")
                .when().post(WIDGETS).then();
        assertProblem(response, 400, "malformed-json", WIDGETS).body("detail", containsString("Duplicate field"));
    }

    @Test
    void datesIdsNumbersAndEnumsAreNeverEmptyStringsOrOtherShapes() {
        // before, each of these was read as null (or as epoch days, or the date part of a date-time) and accepted
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        for (String due : List.of("\"\"", "\"   \"", "\"\\u0001\"", "20240531", "[2024,5,31]",
                "\"2024-05-31T12:00:00Z\"")) {
            cases.put("{\"name\":\"w\",\"quantity\":1,\"color\":\"RED\",\"due\":" + due + "}", "due");
        }
        for (String ownerId : List.of("\"\"", "\" \"")) {
            cases.put("{\"name\":\"w\",\"quantity\":1,\"color\":\"RED\",\"ownerId\":" + ownerId + "}", "ownerId");
        }
        cases.put("{\"name\":\"w\",\"quantity\":\"\",\"color\":\"RED\"}", "quantity");
        cases.put("{\"name\":\"w\",\"quantity\":1,\"color\":0}", "color");
        cases.forEach((body, field) -> {
            var response = given().contentType(ContentType.JSON).body(body).when().post(WIDGETS).then();
            assertProblem(response, 400, "validation", WIDGETS).body("errors[0].field", equalTo(field));
        });
    }

    @Test
    void aDateOrInstantOutsideYears1To9999Is400NamingIt() {
        // the database refused the year: a 500
        for (String due : List.of("+999999999-12-31", "-999999999-01-01", "0000-12-31", "+10000-01-01")) {
            var response = given().contentType(ContentType.JSON)
                    .body("{\"name\":\"w\",\"quantity\":1,\"color\":\"RED\",\"due\":\"" + due + "\"}")
                    .when().post(WIDGETS).then();
            assertProblem(response, 400, "validation", WIDGETS)
                    .body("errors[0].field", equalTo("due"))
                    .body("errors[0].message", containsString("ISO-8601 date"));
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"w\",\"quantity\":1,\"color\":\"RED\","
                + "\"due\":\"9999-12-31\"}").when().post(WIDGETS).then().statusCode(201);

        var before = given().queryParam("before", "+999999999-12-31").when().get(WIDGETS + "/due").then();
        assertProblem(before, 400, "validation", WIDGETS + "/due").body("errors[0].field", equalTo("before"));
        var since = given().queryParam("createdSince", "-999999999-01-01T00:00:00Z").when().get(WIDGETS + "/due")
                .then();
        assertProblem(since, 400, "validation", WIDGETS + "/due").body("errors[0].field", equalTo("createdSince"));
        given().queryParam("before", "2024-05-31").queryParam("createdSince", "2024-05-31T00:00:00Z")
                .when().get(WIDGETS + "/due").then().statusCode(200);
    }

    @Test
    void aThousandBadListItemsAreAnsweredWithTheFirstHundred() {
        String tags = String.join(",", java.util.Collections.nCopies(1000, "\" \""));
        long start = System.nanoTime();
        var response = given().contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"quantity\":1,\"color\":\"RED\",\"tags\":[" + tags + "]}")
                .when().post(WIDGETS).then();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(response, 400, "validation", WIDGETS)
                .body("errors", hasSize(100))
                .body("detail", containsString("and 900 more"));
        assertTrue(millis < 5_000, "1,000 violations took " + millis + " ms");
    }

    @Test
    void beanValidationNamesEachFieldByItsJsonPath() {
        var response = given().contentType(ContentType.JSON)
                .body("""
                        {"name":" ","quantity":-1,"color":"RED","budget":{"amount":"12.5","currency":""},
                         "tags":["ok",""],"parts":[{"label":"a"},{"label":""}],"serial_no":"ABCD"}""")
                .when().post(WIDGETS).then();
        assertProblem(response, 400, "validation", WIDGETS)
                .body("errors.field", containsInAnyOrder("name", "quantity", "budget.amount", "budget.currency",
                        "tags[1]", "parts[1].label", "serial_no"))
                .body("errors.find { it.field == 'quantity' }.message", equalTo("must be greater than or equal to 0"))
                .body("detail", containsString("name: must not be blank"))
                .body("detail", not(containsString("create.")))
                .body("detail", not(containsString("arg0")));
    }

    @Test
    void queryParameterViolationNamesTheParameter() {
        var response = given().queryParam("batch", "x").queryParam("minQuantity", "-5")
                .when().get(WIDGETS).then();
        assertProblem(response, 400, "validation", WIDGETS)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("minQuantity"))
                .body("errors[0].message", equalTo("must be greater than or equal to 0"));
    }

    @Test
    void queryParameterOfTheWrongTypeIs400NamingIt() {
        var response = given().queryParam("min", "twelve").when().get(WIDGETS + "/count").then();
        assertProblem(response, 400, "validation", WIDGETS + "/count")
                .body("errors[0].field", equalTo("min"))
                .body("errors[0].message", containsString("must be an integer"))
                .body("detail", containsString("query parameter min"));

        var badEnum = given().queryParam("min", "1").queryParam("color", "PINK").when().get(WIDGETS + "/count").then();
        assertProblem(badEnum, 400, "validation", WIDGETS + "/count")
                .body("errors[0].field", equalTo("color"))
                .body("errors[0].message", containsString("[RED, GREEN, BLUE]"));

        var inBeanParam = given().queryParam("dueBefore", "tomorrow").when().get(WIDGETS + "/count").then();
        assertProblem(inBeanParam, 400, "validation", WIDGETS + "/count")
                .body("errors[0].field", equalTo("dueBefore"))
                .body("errors[0].message", containsString("ISO-8601 date"));
    }

    @Test
    void pathParameterThatIsNotAUuidIs404NamingIt() {
        var response = given().when().get(WIDGETS + "/not-a-uuid").then();
        assertProblem(response, 404, "not-found", WIDGETS + "/not-a-uuid")
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("must be a UUID"));
    }

    @Test
    void unknownWidgetIs404FromProblemException() {
        UUID id = UUID.randomUUID();
        var response = given().when().get(WIDGETS + "/" + id).then();
        assertProblem(response, 404, "not-found", WIDGETS + "/" + id)
                .body("detail", equalTo("Widget " + id + " does not exist"));
    }

    @Test
    void problemExceptionKeepsItsOwnTypeAndStatus() {
        var response = given().when().get(WIDGETS + "/teapot").then();
        assertProblem(response, 409, "widget-locked", WIDGETS + "/teapot")
                .body("title", equalTo("Widget locked"));
    }

    @Test
    void aRefusalOfTheDomainIsAnsweredWithItsKindsStatusAndItsFieldIssues() {
        assertProblem(given().when().get(WIDGETS + "/refused/INVALID").then(), 400, "validation",
                WIDGETS + "/refused/INVALID")
                .body("detail", equalTo("a widget needs a colour"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("allowed: OPEN"));
        assertProblem(given().when().get(WIDGETS + "/refused/NOT_FOUND").then(), 404, "not-found",
                WIDGETS + "/refused/NOT_FOUND")
                .body("detail", equalTo("Widget w-1 does not exist"));
        assertProblem(given().when().get(WIDGETS + "/refused/CONFLICT").then(), 409, "conflict",
                WIDGETS + "/refused/CONFLICT")
                .body("errors[0].field", equalTo("status"));
        assertProblem(given().when().get(WIDGETS + "/refused/RULE_BROKEN").then(), 422, "unprocessable",
                WIDGETS + "/refused/RULE_BROKEN")
                .body("detail", equalTo("no such colour"));
        assertProblem(given().when().get(WIDGETS + "/refused/FORBIDDEN").then(), 403, "forbidden",
                WIDGETS + "/refused/FORBIDDEN")
                .body("detail", equalTo("only its owner paints a widget"));
    }

    @Test
    void errorResponseReturnedWithoutBodyBecomesAProblem() {
        var response = given().when().get(WIDGETS + "/bare-conflict").then();
        assertProblem(response, 409, "conflict", WIDGETS + "/bare-conflict").body("title", equalTo("Conflict"));
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        var response = given().contentType(ContentType.JSON)
                .body("{\n  \"name\": \"w\",\n  \"quantity\": 1,,\n}")
                .when().post(WIDGETS).then();
        assertProblem(response, 400, "malformed-json", WIDGETS)
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 3, column"));
    }

    @Test
    void truncatedJsonIsMalformed() {
        var response = given().contentType(ContentType.JSON).body("{\"name\": \"w\"")
                .when().post(WIDGETS).then();
        assertProblem(response, 400, "malformed-json", WIDGETS);
    }

    @Test
    void unknownFieldIs400NamingItsPath() {
        var response = given().contentType(ContentType.JSON)
                .body("""
                        {"name":"w","quantity":1,"color":"RED","budget":{"amount":"1.00","currency":"EUR","rate":2}}""")
                .when().post(WIDGETS).then();
        assertProblem(response, 400, "validation", WIDGETS)
                .body("errors[0].field", equalTo("budget.rate"))
                .body("errors[0].message", containsString("unknown field"))
                .body("errors[0].message", containsString("amount"));
    }

    @Test
    void wrongTypesAre400NamingTheFieldAndWhatWasExpected() {
        Map<String, String> cases = Map.of(
                """
                {"name":"w","quantity":"many","color":"RED"}""", "quantity=must be an integer",
                """
                {"name":"w","quantity":1,"color":"PINK"}""", "color=must be one of [RED, GREEN, BLUE]",
                """
                {"name":"w","quantity":1,"color":"RED","ownerId":"nope"}""", "ownerId=must be a UUID",
                """
                {"name":"w","quantity":1,"color":"RED","due":"31/05/2024"}""", "due=must be an ISO-8601 date",
                """
                {"name":"w","quantity":1,"color":"RED","parts":[{"label":"a"},{"label":["x"]}]}""",
                "parts[1].label=must be a string",
                """
                {"name":"w","quantity":{"n":1},"color":"RED"}""", "quantity=must be an integer",
                """
                {"name":"w","quantity":1.5,"color":"RED"}""", "quantity=must be an integer",
                """
                {"name":5,"quantity":1,"color":"RED"}""", "name=must be a string",
                """
                {"name":true,"quantity":1,"color":"RED"}""", "name=must be a string");
        cases.forEach((body, expected) -> {
            String field = expected.substring(0, expected.indexOf('='));
            String message = expected.substring(expected.indexOf('=') + 1);
            var response = given().contentType(ContentType.JSON).body(body).when().post(WIDGETS).then();
            assertProblem(response, 400, "validation", WIDGETS)
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(field))
                    .body("errors[0].message", containsString(message));
        });
    }

    @Test
    void emptyBodyIs400() {
        var response = given().contentType(ContentType.JSON).when().post(WIDGETS).then();
        assertProblem(response, 400, "validation", WIDGETS)
                .body("detail", equalTo("A request body is required"));
        var jsonNull = given().contentType(ContentType.JSON).body("null").when().post(WIDGETS).then();
        assertProblem(jsonNull, 400, "validation", WIDGETS);
    }

    @Test
    void unknownPathsAre404() {
        var inJaxRs = given().when().get("/test/widgets/" + UUID.randomUUID() + "/nothing").then();
        assertProblem(inJaxRs, 404, "not-found", inJaxRs.extract().path("instance"));
        var outside = given().when().get("/no/such/thing").then();
        assertProblem(outside, 404, "not-found", "/no/such/thing")
                .body("detail", equalTo("No resource at /no/such/thing"));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var response = given().when().delete(WIDGETS).then();
        assertProblem(response, 405, "method-not-allowed", WIDGETS)
                .header("Allow", containsString("GET"))
                .header("Allow", containsString("POST"));
    }

    @Test
    void unacceptableAcceptIs406() {
        var response = given().accept("text/csv").when().get(WIDGETS + "/" + UUID.randomUUID()).then();
        assertEquals(406, response.extract().statusCode());
        assertProblem(response, 406, "not-acceptable", response.extract().path("instance"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        var response = given().contentType("text/plain").body("name=w").when().post(WIDGETS).then();
        assertProblem(response, 415, "unsupported-media-type", WIDGETS)
                .body("detail", containsString("text/plain"));
    }

    @Test
    void oversizedBodyWithContentLengthIs413Problem() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"quantity\":1,\"color\":\"RED\"}";
        var response = given().contentType(ContentType.JSON).body(big).when().post(WIDGETS).then();
        assertProblem(response, 413, "payload-too-large", WIDGETS)
                .body("detail", containsString("65536 bytes"));
    }

    @Test
    void oversizedChunkedBodyIs413ProblemAndSmallChunkedBodyWorks() throws Exception {
        // HTTP/1.1 chunked encoding; HTTP/2 bodies without content-length are left to Quarkus (api-conventions.md).
        for (HttpClient.Version version : new HttpClient.Version[] {HttpClient.Version.HTTP_1_1}) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"quantity\":1,\"color\":\"RED\"}";
            HttpResponse<String> tooBig = client.send(chunkedPost(big), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, tooBig.statusCode(), version + ": " + tooBig.body());
            assertTrue(tooBig.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE),
                    version + ": " + tooBig.headers().map());
            JsonPath problem = JsonPath.from(tooBig.body());
            assertEquals(Problem.TYPE_BASE + "payload-too-large", problem.getString("type"));
            assertEquals(tooBig.headers().firstValue("X-Request-Id").orElseThrow(), problem.getString("requestId"));

            HttpResponse<String> small = client.send(chunkedPost("""
                    {"name":"chunked","quantity":2,"color":"BLUE"}"""), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, small.statusCode(), version + ": " + small.body());
            assertEquals("chunked", JsonPath.from(small.body()).getString("name"));
        }
    }

    private HttpRequest chunkedPost(String body) {
        byte[] bytes = body.getBytes();
        return HttpRequest.newBuilder(root.resolve("test/widgets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
    }

    @Test
    void optimisticLockFailureIs412() {
        String id = given().contentType(ContentType.JSON).body(VALID).when().post(WIDGETS)
                .then().statusCode(201).extract().path("id");
        var response = given().contentType(ContentType.JSON).body(VALID.replace("\"w\"", "\"raced\""))
                .when().put(WIDGETS + "/" + id + "/racing").then();
        assertProblem(response, 412, "precondition-failed", WIDGETS + "/" + id + "/racing")
                .body("detail", containsString("changed by someone else"));
        given().when().get(WIDGETS + "/" + id).then().statusCode(200).body("name", equalTo("w"));
    }

    @Test
    void uniqueViolationReachingTheDatabaseIs409() {
        String id = given().contentType(ContentType.JSON).body(VALID).when().post(WIDGETS)
                .then().statusCode(201).extract().path("id");
        var response = given().when().post(WIDGETS + "/" + id + "/duplicate").then();
        assertProblem(response, 409, "conflict", WIDGETS + "/" + id + "/duplicate")
                .body(not(containsString("test_widget_pkey")));
    }

    @Test
    void unexpectedExceptionIs500WithOnlyTheRequestId() {
        var response = given().header("X-Request-Id", "boom-42").when().get(WIDGETS + "/boom").then();
        assertProblem(response, 500, "internal", WIDGETS + "/boom")
                .body("title", equalTo("Internal error"))
                .body("requestId", equalTo("boom-42"))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalState")))
                .body("errors", equalTo(null));
        String body = response.extract().asString();
        assertFalse(body.contains("secret"), body);
    }

    @Test
    void errorsCarryTheCallersRequestId() {
        given().header("X-Request-Id", "client-id.1").contentType(ContentType.JSON).body("{}")
                .when().post(WIDGETS)
                .then().statusCode(400)
                .header("X-Request-Id", "client-id.1")
                .body("requestId", equalTo("client-id.1"))
                .body("errors.field", hasItem("name"));
    }
}
