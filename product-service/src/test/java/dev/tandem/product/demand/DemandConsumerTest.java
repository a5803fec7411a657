package dev.tandem.product.demand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import dev.tandem.events.EventType;
import dev.tandem.events.Topics;
import dev.tandem.product.FeedbackFeed;
import dev.tandem.product.Fixtures;
import dev.tandem.product.Publish;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** feedback-service's events, published to the real broker, become demand on the features they are linked to. */
@QuarkusTest
class DemandConsumerTest {

    static JsonPath feature(String id) {
        return given().get("/api/v1/features/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void awaitDemand(String feature, String expected) {
        Publish.awaitTrue("weighted demand of " + feature + " = " + expected,
                () -> expected.equals(feature(feature).getString("demand.weightedDemand.amount")));
    }

    @Test
    void linksAndCustomersBecomeRevenueWeightedDemand() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "One-click reorder");
        feature(feature);
        given().get("/api/v1/features/" + feature).then()
                .body("demand.feedbackCount", equalTo(0))
                .body("demand.weightedDemand.amount", equalTo("0.00"))
                .body("demand.weightedDemand.currency", equalTo("EUR"));

        UUID anna = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carla = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        FeedbackFeed.customerCreated(anna, "100000.00", "EUR");
        FeedbackFeed.customerCreated(bob, "50000.00", "USD");
        FeedbackFeed.customerCreated(dan, "9000000.00", "XAF");   // no rate configured
        FeedbackFeed.linked(UUID.randomUUID(), feature, product, anna, "NICE_TO_HAVE", 1);
        FeedbackFeed.linked(UUID.randomUUID(), feature, product, anna, "CRITICAL", 1);
        FeedbackFeed.linked(UUID.randomUUID(), feature, product, bob, "IMPORTANT", 1);
        FeedbackFeed.linked(UUID.randomUUID(), feature, product, carla, "IMPORTANT", 1);  // customer not known yet
        FeedbackFeed.linked(UUID.randomUUID(), feature, product, dan, "IMPORTANT", 1);
        // Anna 100 000 × 2 + Bob 50 000 USD × 0.92 × 1; Carla unknown; Dan without rate. The five links are five
        // aggregates (partitions may interleave), and Carla's and Dan's add no revenue: wait for all five counted.
        Publish.awaitTrue("all five links of " + feature + " counted",
                () -> feature(feature).getInt("demand.feedbackCount") == 5);
        awaitDemand(feature, "246000.00");
        JsonPath f = feature(feature);
        assertEquals(5, f.getInt("demand.feedbackCount"));
        assertEquals(4, f.getInt("demand.customerCount"));
        assertEquals(1, f.getInt("demand.customersWithoutRevenue"));
        assertEquals(1, f.getInt("demand.customersWithoutRate"));
        assertEquals(1, f.getInt("demand.importanceMix.niceToHave"));
        assertEquals(3, f.getInt("demand.importanceMix.important"));
        assertEquals(1, f.getInt("demand.importanceMix.critical"));

        // the customer arrives after the link: counted from now on
        FeedbackFeed.customerCreated(carla, "10000.00", "EUR");
        awaitDemand(feature, "256000.00");
        assertEquals(0, feature(feature).getInt("demand.customersWithoutRevenue"));
    }

    @Test
    void redeliveredAndOutdatedEventsChangeNothing() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Wallet");
        UUID anna = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        String created = FeedbackFeed.customerCreatedJson(anna, "100000.00", "EUR");
        String createdId = Publish.event(Topics.FEEDBACK, EventType.CUSTOMER_CREATED.type(), anna, 0, created);
        String firstLink = FeedbackFeed.linkedJson(item, feature, product, anna, "NICE_TO_HAVE", 1);
        String firstLinkId = Publish.event(Topics.FEEDBACK, FeedbackFeed.LINKED, item, 1, firstLink);
        awaitDemand(feature, "50000.00");

        FeedbackFeed.linked(item, feature, product, anna, "CRITICAL", 2);      // importance raised
        FeedbackFeed.customerUpdated(anna, "200000.00", "EUR", 1);          // revenue doubled
        awaitDemand(feature, "400000.00");

        // the first events again, same ids: the inbox drops them
        Publish.again(firstLinkId, Topics.FEEDBACK, FeedbackFeed.LINKED, item, 1, firstLink);
        Publish.again(createdId, Topics.FEEDBACK, EventType.CUSTOMER_CREATED.type(), anna, 0, created);
        // older state under new ids (a replay of the topic): the versions keep the newer state
        Publish.event(Topics.FEEDBACK, FeedbackFeed.LINKED, item, 1, firstLink);
        Publish.event(Topics.FEEDBACK, EventType.CUSTOMER_CREATED.type(), anna, 0, created);
        // a marker behind them on the same partition
        UUID marker = UUID.randomUUID();
        FeedbackFeed.linked(marker, feature, product, null, "IMPORTANT", 1);
        Publish.awaitTrue("marker handled", () -> feature(feature).getInt("demand.feedbackCount") == 2);

        JsonPath f = feature(feature);
        assertEquals("400000.00", f.getString("demand.weightedDemand.amount"));
        assertEquals(1, f.getInt("demand.importanceMix.critical"));
        assertEquals(0, f.getInt("demand.importanceMix.niceToHave"));
        double duplicates = given().get("/q/metrics").then().extract().body().asString().lines()
                .filter(l -> l.startsWith("tandem_inbox_duplicates_total"))
                .filter(l -> l.contains(FeedbackFeed.LINKED) || l.contains(EventType.CUSTOMER_CREATED.type()))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(true, duplicates >= 2.0, "the two redelivered events were dropped by the inbox: " + duplicates);
    }

    @Test
    void unlinkedAndDeletedFeedbackNoLongerCount() {
        String product = Fixtures.product();
        String feature = Fixtures.feature(product, "Saved baskets");
        UUID anna = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID annasItem = UUID.randomUUID();
        UUID bobsItem = UUID.randomUUID();
        FeedbackFeed.customerCreated(anna, "1000.00", "EUR");
        FeedbackFeed.customerCreated(bob, "3000.00", "EUR");
        FeedbackFeed.received(annasItem, UUID.fromString(product), anna);
        FeedbackFeed.received(bobsItem, UUID.fromString(product), bob);
        FeedbackFeed.linked(annasItem, feature, product, anna, "IMPORTANT", 1);
        FeedbackFeed.linked(bobsItem, feature, product, bob, "IMPORTANT", 1);
        awaitDemand(feature, "4000.00");

        FeedbackFeed.unlinked(annasItem, feature, product, anna, 2);
        awaitDemand(feature, "3000.00");
        FeedbackFeed.deleted(bobsItem, UUID.fromString(product), bob, 3);
        awaitDemand(feature, "0.00");
        assertEquals(0, feature(feature).getInt("demand.feedbackCount"));
    }

    @Test
    void featuresSortByDemand() {
        String product = Fixtures.product();
        String little = Fixtures.feature(product, "Little");
        String much = Fixtures.feature(product, "Much");
        String none = Fixtures.feature(product, "None");
        UUID small = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        FeedbackFeed.customerCreated(small, "10.00", "EUR");
        FeedbackFeed.customerCreated(big, "1000.00", "EUR");
        FeedbackFeed.linked(UUID.randomUUID(), little, product, small, "IMPORTANT", 1);
        FeedbackFeed.linked(UUID.randomUUID(), much, product, big, "IMPORTANT", 1);
        awaitDemand(much, "1000.00");
        awaitDemand(little, "10.00");

        List<String> order = given().queryParam("productId", product).queryParam("sort", "-demand")
                .get("/api/v1/features").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(much, little, none), order);
        // keyset pages in demand order: nothing skipped or repeated
        String cursor = given().queryParam("productId", product).queryParam("sort", "demand").queryParam("limit", 2)
                .get("/api/v1/features").then().statusCode(200)
                .body("items.id", equalTo(List.of(none, little))).extract().path("nextCursor");
        given().queryParam("productId", product).queryParam("sort", "demand").queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/api/v1/features").then().statusCode(200)
                .body("items.id", equalTo(List.of(much)));
        given().queryParam("sort", "popularity").get("/api/v1/features").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }
}
