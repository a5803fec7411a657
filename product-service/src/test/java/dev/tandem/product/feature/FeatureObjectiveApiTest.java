package dev.tandem.product.feature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Features linked to an objective of their product: on create, through the PATCH, in the list and in the events. */
@QuarkusTest
class FeatureObjectiveApiTest {

    private static final String FEATURES = "/api/v1/features";

    private static Response create(String product, String title, String objectiveId) {
        return given().contentType(ContentType.JSON).body("""
                {"productId": "%s", "title": "%s", "objectiveId": %s}"""
                .formatted(product, title, objectiveId == null ? "null" : "\"" + objectiveId + "\"")).post(FEATURES);
    }

    private static Response patchObjective(String feature, String objectiveId) {
        return Fixtures.withCurrentETag("PATCH", FEATURES + "/" + feature,
                "{\"objectiveId\": \"" + objectiveId + "\"}");
    }

    @Test
    void aFeatureIsCreatedForAnObjectiveOfItsProductOnly() {
        String product = Fixtures.product();
        String objective = Fixtures.objective(product, "Repeat buyers");
        String foreign = Fixtures.objective(Fixtures.product(), "Another product's");

        String id = create(product, "Reorder", objective).then().statusCode(201)
                .body("objectiveId", equalTo(objective)).extract().path("id");
        given().get(FEATURES + "/" + id).then().statusCode(200).body("objectiveId", equalTo(objective));
        create(product, "No objective", null).then().statusCode(201).body("objectiveId", nullValue());

        long before = Feature.count();
        create(product, "Foreign", foreign).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("objectiveId")));
        create(product, "Unknown", UUID.randomUUID().toString()).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("objectiveId")));
        create(product, "Malformed", "next-quarter").then().statusCode(400)
                .body("errors.field", hasItem("objectiveId"));
        assertEquals(before, Feature.count(), "nothing written on a refusal");
    }

    @Test
    void thePatchLinksAnotherObjectiveRefusesAForeignOneAndAnEmptyOneUnlinks() {
        String product = Fixtures.product();
        String first = Fixtures.objective(product, "Activation");
        String second = Fixtures.objective(product, "Retention");
        String foreign = Fixtures.objective(Fixtures.product(), "Elsewhere");
        String feature = Fixtures.feature(product, "Saved carts");
        String path = FEATURES + "/" + feature;

        patchObjective(feature, first).then().statusCode(200).header("ETag", "\"1.0\"")
                .body("objectiveId", equalTo(first));
        patchObjective(feature, first).then().statusCode(200).header("ETag", "\"1.0\"");   // same: no change

        patchObjective(feature, foreign).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("objectiveId")));
        patchObjective(feature, UUID.randomUUID().toString()).then().statusCode(422)
                .body("errors.field", equalTo(List.of("objectiveId")));
        patchObjective(feature, "Q1").then().statusCode(400).body("errors.field", hasItem("objectiveId"));
        // a refused PATCH writes nothing, not even the other fields sent with it
        given().header("If-Match", "\"1.0\"").contentType(ContentType.JSON)
                .body("{\"title\": \"Renamed\", \"objectiveId\": \"" + foreign + "\"}").patch(path)
                .then().statusCode(422);
        given().get(path).then().header("ETag", "\"1.0\"").body("objectiveId", equalTo(first))
                .body("title", equalTo("Saved carts"));

        patchObjective(feature, second).then().statusCode(200).header("ETag", "\"2.0\"")
                .body("objectiveId", equalTo(second));
        patchObjective(feature, "").then().statusCode(200).header("ETag", "\"3.0\"")
                .body("objectiveId", nullValue());

        // created, first, second, unlinked: the refusals and the no-op published nothing
        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 4);
        assertEquals(List.of(EventType.FEATURE_CREATED.type(), EventType.FEATURE_UPDATED.type(),
                EventType.FEATURE_UPDATED.type(), EventType.FEATURE_UPDATED.type()),
                events.stream().map(KafkaEvents.Event::type).toList());
        assertFalse(events.get(0).payload().hasNonNull("objectiveId"));
        assertEquals(first, events.get(1).payload().get("objectiveId").asText());
        assertEquals(second, events.get(2).payload().get("objectiveId").asText());
        assertFalse(events.get(3).payload().hasNonNull("objectiveId"), "unlinked: null, left out");
        assertEquals(3, events.get(3).payload().get("version").asLong());
    }

    @Test
    void everyFeatureEventCarriesTheObjective() {
        String product = Fixtures.product();
        String objective = Fixtures.objective(product, "Conversion");
        String feature = create(product, "One-click pay", objective).then().statusCode(201).extract().path("id");
        String path = FEATURES + "/" + feature;
        Fixtures.withCurrentETag("POST", path + "/status", "{\"status\": \"REJECTED\", \"reason\": \"wallets\"}")
                .then().statusCode(200);
        Fixtures.withCurrentETag("POST", path + "/status", "{\"status\": \"IDEA\"}").then().statusCode(200);
        Fixtures.withCurrentETag("DELETE", path, null).then().statusCode(204);

        List<KafkaEvents.Event> events = KafkaEvents.eventsOf(Topics.PRODUCT, feature, 5);
        assertEquals(List.of(EventType.FEATURE_CREATED.type(), EventType.FEATURE_STATUS_CHANGED.type(),
                EventType.FEATURE_REJECTED.type(), EventType.FEATURE_STATUS_CHANGED.type(),
                EventType.FEATURE_DELETED.type()), events.stream().map(KafkaEvents.Event::type).toList());
        for (KafkaEvents.Event e : events) {
            JsonNode payload = e.payload();
            assertEquals(objective, payload.path("objectiveId").asText(), e.type());
            if (!e.type().equals(EventType.FEATURE_CREATED.type())) {
                assertFalse(payload.path("atRisk").asBoolean(true), e.type() + " carries atRisk");
            }
        }
    }

    @Test
    void theListFiltersByObjective() {
        String product = Fixtures.product();
        String objective = Fixtures.objective(product, "Basket size");
        String other = Fixtures.objective(product, "Churn");
        String a = create(product, "A", objective).then().statusCode(201).extract().path("id");
        create(product, "B", other).then().statusCode(201);
        create(product, "C", null).then().statusCode(201);
        String d = Fixtures.feature(product, "D");
        patchObjective(d, objective).then().statusCode(200);

        given().queryParam("objectiveId", objective).get(FEATURES).then().statusCode(200)
                .body("items.id", equalTo(List.of(a, d)))
                .body("items.objectiveId", equalTo(List.of(objective, objective)));
        // filters combine, and pages keep the filter
        Response page = given().queryParam("objectiveId", objective).queryParam("limit", 1).get(FEATURES);
        page.then().statusCode(200).body("items.id", equalTo(List.of(a)));
        given().queryParam("objectiveId", objective).queryParam("limit", 1)
                .queryParam("cursor", page.<String>path("nextCursor")).get(FEATURES)
                .then().body("items.id", equalTo(List.of(d)));
        given().queryParam("objectiveId", objective).queryParam("status", "CANDIDATE").get(FEATURES).then()
                .statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("objectiveId", UUID.randomUUID()).get(FEATURES).then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().queryParam("objectiveId", "q1").get(FEATURES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("objectiveId"));
    }
}
