package dev.tandem.feedback;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.tandem.events.EventType;
import dev.tandem.feedback.catalog.CatalogProduct;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;

/** Set-up and look-ups shared by the tests of the mails that tell customers a loop closed. */
final class LoopMails {

    /** A customer with their own contact address (null: none), opted out of mail or not; returns the id. */
    static UUID customer(String name, String email, boolean optedOut) {
        return UUID.fromString(given().contentType(ContentType.JSON).body("""
                        {"externalCrmId": "%s", "name": "%s", "tier": "GROWTH", "contactEmail": %s, "emailOptOut": %s}"""
                        .formatted(CustomerApiTest.crmId(), name, email == null ? "null" : "\"" + email + "\"",
                                optedOut))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id"));
    }

    /** A feedback item of {@code customer} titled {@code title}, linked to {@code feature}; returns its id. */
    static String linkedItem(UUID customer, UUID product, UUID feature, String title) {
        String id = TestData.create(TestData.feedback("SALES", "LM-" + UUID.randomUUID(), customer, product, title,
                "Please build it.", null, "[]"));
        given().contentType(ContentType.JSON).body("{\"featureId\": \"" + feature + "\", \"importance\": \"IMPORTANT\"}")
                .post("/api/v1/feedback/" + id + "/links").then().statusCode(201);
        return id;
    }

    /** Publishes {@code feature.released} for the feature, as product-service would, and waits until it is applied. */
    static void release(UUID feature, UUID product, String title, UUID releaseId, String releaseName)
            throws Exception {
        CatalogEvents.send(CatalogEvents.event(EventType.FEATURE_RELEASED, feature, """
                {"featureId": "%s", "productId": "%s", "title": "%s", "releaseId": %s, "releaseName": %s,
                 "releasedAt": "2026-11-22T12:00:00Z", "version": 7}""".formatted(feature, product, title,
                releaseId == null ? "null" : "\"" + releaseId + "\"",
                releaseName == null ? "null" : "\"" + releaseName + "\"")));
        CatalogEvents.drain();
    }

    /** The customer's rows of {@code mail_outbox}, oldest first, each as column → value. */
    static List<Map<String, Object>> rows(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = CatalogProduct.getEntityManager().createNativeQuery("""
                            SELECT id, recipient, subject, attempts, sent_at, abandoned_at, last_error,
                                   loop_closed_event_id
                              FROM mail_outbox WHERE customer_id = ?1 ORDER BY created_at""")
                    .setParameter(1, customer).getResultList();
            return rows.stream().map(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                String[] names = {"id", "recipient", "subject", "attempts", "sent_at", "abandoned_at", "last_error",
                        "loop_closed_event_id"};
                for (int i = 0; i < names.length; i++) {
                    row.put(names[i], r[i]);
                }
                return row;
            }).toList();
        });
    }

    /** The ce_id of the {@code feedback.loop-closed} the outbox holds for the customer. */
    static UUID loopClosedEventId(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) CatalogProduct.getEntityManager()
                .createNativeQuery("SELECT event_id FROM outbox_event WHERE event_type = ?1 AND aggregate_id = ?2")
                .setParameter(1, EventType.FEEDBACK_LOOP_CLOSED.type()).setParameter(2, customer.toString())
                .getSingleResult());
    }

    /** Waits at most 30 s for {@code done}. */
    static void await(BooleanSupplier done, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(done::getAsBoolean);
    }

    /** Long enough for the relay (every second in the tests) to have run a few times. */
    static void letTheRelayRun() throws InterruptedException {
        Thread.sleep(3_500);
    }

    private LoopMails() {
    }
}
