package dev.tandem.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Products, objectives and releases answer If-None-Match with a 304 while unchanged, and with the new state after. */
@QuarkusTest
class ConditionalReadsApiTest {

    /** 304 (ETag, no body) for the current ETag; after {@code change}, 200 with a new ETag for the old one. */
    private static void conditional(String path, String change) {
        String etag = Fixtures.etag(path);
        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag)
                .body(emptyString());
        given().header("If-None-Match", "\"999\"").get(path).then().statusCode(200);
        given().header("If-Match", etag).contentType(ContentType.JSON).body(change).patch(path)
                .then().statusCode(200);
        String newer = Fixtures.etag(path);
        given().header("If-None-Match", etag).get(path).then().statusCode(200).header("ETag", newer)
                .body("version", equalTo(1));
        given().header("If-None-Match", newer).get(path).then().statusCode(304);
    }

    @Test
    void aProductIsNotModifiedUntilItChanges() {
        conditional("/api/v1/products/" + Fixtures.product(), "{\"name\": \"Checkout & Pay\"}");
    }

    @Test
    void anObjectiveIsNotModifiedUntilItChanges() {
        conditional("/api/v1/objectives/" + Fixtures.objective(Fixtures.product(), "Adoption"),
                "{\"title\": \"Adoption in SMB\"}");
    }

    @Test
    void aReleaseIsNotModifiedUntilItChanges() {
        String release = given().contentType(ContentType.JSON).body("""
                {"productId": "%s", "name": "2027.1", "targetDate": "2027-03-31"}""".formatted(Fixtures.product()))
                .post("/api/v1/releases").then().statusCode(201).extract().path("id");
        conditional("/api/v1/releases/" + release, "{\"targetDate\": \"2027-04-15\"}");
    }
}
