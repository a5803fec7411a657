package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import dev.tandem.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A customer's vote is IN_APP feedback linked to the feature, once per customer and feature. */
@QuarkusTest
class VoteApiTest {

    private static Response vote(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback/votes");
    }

    private static String body(UUID customer, UUID feature, String extra) {
        return "{\"customerId\": \"" + customer + "\", \"featureId\": \"" + feature + "\"" + extra + "}";
    }

    @Test
    void aVoteIsLinkedInAppFeedbackAndCounts() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Dark mode");
        UUID customer = TestData.customer();
        UUID other = TestData.customer();

        Response created = vote(body(customer, feature, ", \"comment\": \"Our night shift would love it.\""));
        created.then().statusCode(201)
                .body("source", equalTo("IN_APP"))
                .body("productId", equalTo(product.toString()))
                .body("title", equalTo("Vote: Dark mode"))
                .body("text", equalTo("Our night shift would love it."))
                .body("tags", equalTo(List.of("vote")))
                .body("status", equalTo("PLANNED"));
        String id = created.path("id");
        given().get("/api/v1/feedback/" + id + "/links").then()
                .body("items", hasSize(1))
                .body("items[0].featureId", equalTo(feature.toString()))
                .body("items[0].importance", equalTo("IMPORTANT"));
        vote(body(other, feature, ", \"importance\": \"CRITICAL\"")).then().statusCode(201)
                .body("text", equalTo("Voted for \"Dark mode\"."));

        vote(body(customer, feature, "")).then().statusCode(409)
                .body("errors[0].field", equalTo("featureId"))
                .body("detail", containsString(id));

        given().queryParam("featureId", feature).get("/api/v1/feedback/votes").then().statusCode(200)
                .body("votes", equalTo(2))
                .body("byImportance.IMPORTANT", equalTo(1))
                .body("byImportance.CRITICAL", equalTo(1))
                .body("byImportance.NICE_TO_HAVE", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(1,
                TestData.outboxCount(EventType.FEEDBACK_LINKED, id));
    }

    @Test
    void badVotesAreProblemsAndWriteNothing() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Offline mode");
        UUID customer = TestData.customer();
        vote(body(UUID.randomUUID(), feature, "")).then().statusCode(422)
                .body("errors[0].field", equalTo("customerId"));
        vote(body(customer, UUID.randomUUID(), "")).then().statusCode(422)
                .body("errors[0].field", equalTo("featureId"));
        vote(body(customer, feature, ", \"importance\": \"HUGE\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("importance"));
        vote("{\"customerId\": \"" + customer + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("featureId"));
        vote(body(customer, feature, ", \"stars\": 5")).then().statusCode(400)
                .body("errors[0].field", equalTo("stars"));
        given().queryParam("featureId", feature).get("/api/v1/feedback/votes").then().statusCode(200)
                .body("votes", equalTo(0));
        given().queryParam("customerId", customer).get("/api/v1/feedback").then().body("items", hasSize(0));

        given().get("/api/v1/feedback/votes").then().statusCode(400).body("errors[0].field", equalTo("featureId"));
        given().queryParam("featureId", "nope").get("/api/v1/feedback/votes").then().statusCode(400)
                .body("errors[0].field", equalTo("featureId"));
        given().queryParam("featureId", UUID.randomUUID()).get("/api/v1/feedback/votes").then().statusCode(404);
    }

    @Test
    void aVoteKeepsTheCustomerWhoCastIt() {
        UUID product = TestData.product();
        UUID feature = TestData.feature(product, "Export to PDF");
        UUID customer = TestData.customer();
        UUID other = TestData.customer();
        String id = vote(body(customer, feature, "")).then().statusCode(201).header("ETag", "\"1\"")
                .extract().path("id");

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"customerId\": \"" + other + "\", \"tags\": [\"vote\", \"moved\"]}")
                .patch("/api/v1/feedback/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customerId"))
                .body("detail", containsString("vote"));
        // nothing changed: the vote is still the customer's and still counts
        given().get("/api/v1/feedback/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("customerId", equalTo(customer.toString()))
                .body("tags", equalTo(List.of("vote")));
        given().queryParam("featureId", feature).get("/api/v1/feedback/votes").then().body("votes", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(0, TestData.outboxCount(EventType.FEEDBACK_UPDATED, id));

        // the other customer votes for themselves
        vote(body(other, feature, "")).then().statusCode(201);
        given().queryParam("featureId", feature).get("/api/v1/feedback/votes").then().body("votes", equalTo(2));
    }
}
