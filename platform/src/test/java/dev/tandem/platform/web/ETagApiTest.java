package dev.tandem.platform.web;

import static dev.tandem.platform.problem.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.emptyString;

import dev.tandem.platform.problem.ProblemAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ETag on reads, If-Match on updates, through a real resource. */
@QuarkusTest
class ETagApiTest {

    private static final String BODY = """
            {"name":"%s","quantity":3,"color":"GREEN"}""";

    private String path;
    private String etag;

    @BeforeAll
    static void parser() {
        ProblemAssertions.init();
    }

    @BeforeEach
    void createWidget() {
        var created = given().contentType(ContentType.JSON).body(BODY.formatted("etag")).post("/test/widgets")
                .then().statusCode(201).extract();
        path = "/test/widgets/" + created.path("id");
        etag = created.header("ETag");
    }

    @Test
    void readCarriesTheVersionAsAStrongETag() {
        given().get(path).then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
        given().header("If-None-Match", "\"0\"").get(path).then().statusCode(304).header("ETag", "\"0\"")
                .body(emptyString());
        given().header("If-None-Match", "\"9\"").get(path).then().statusCode(200);
    }

    @Test
    void updateWithTheCurrentETagSucceedsAndReturnsTheNextOne() {
        given().header("If-Match", etag).contentType(ContentType.JSON).body(BODY.formatted("renamed"))
                .put(path).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("renamed"));
        given().get(path).then().header("ETag", "\"1\"").body("name", equalTo("renamed"));
    }

    @Test
    void weakFormOfTheCurrentETagIsAccepted() {
        given().header("If-Match", "W/" + etag).contentType(ContentType.JSON).body(BODY.formatted("weak"))
                .put(path).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void staleETagIs412AndChangesNothing() {
        given().header("If-Match", etag).contentType(ContentType.JSON).body(BODY.formatted("first"))
                .put(path).then().statusCode(200);
        var stale = given().header("If-Match", etag).contentType(ContentType.JSON).body(BODY.formatted("second"))
                .put(path).then();
        assertProblem(stale, 412, "precondition-failed", path)
                .body("detail", equalTo("If-Match \"0\" does not match the current ETag \"1\"; read the resource "
                        + "again and reapply the change"));
        given().get(path).then().header("ETag", "\"1\"").body("name", equalTo("first"));
    }

    @Test
    void missingIfMatchIs428AndWildcardToo() {
        var missing = given().contentType(ContentType.JSON).body(BODY.formatted("x")).put(path).then();
        assertProblem(missing, 428, "precondition-required", path);
        var wildcard = given().header("If-Match", "*").contentType(ContentType.JSON).body(BODY.formatted("x"))
                .put(path).then();
        assertProblem(wildcard, 428, "precondition-required", path);
        given().get(path).then().header("ETag", "\"0\"").body("name", equalTo("etag"));
    }

    @Test
    void malformedIfMatchIs400NamingTheHeader() {
        var response = given().header("If-Match", "0").contentType(ContentType.JSON).body(BODY.formatted("x"))
                .put(path).then();
        assertProblem(response, 400, "validation", path).body("errors[0].field", equalTo("If-Match"));
    }
}
