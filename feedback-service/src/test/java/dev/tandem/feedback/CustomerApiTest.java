package dev.tandem.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import dev.tandem.feedback.customer.Customer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerApiTest {

    static String crmId() {
        return "SF-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String crmId, String name) {
        return """
                {"externalCrmId": "%s", "name": "%s", "segment": "Enterprise", "tier": "ENTERPRISE",
                 "annualRevenue": {"amount": "120000.00", "currency": "EUR"}, "contactEmail": "buyer@acme.example"}"""
                .formatted(crmId, name);
    }

    static String create(String crmId, String name) {
        return given().contentType(ContentType.JSON).body(body(crmId, name)).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void createsACustomerAndReadsItBack() {
        String crm = crmId();
        Response created = given().contentType(ContentType.JSON).body(body(crm, "Acme GmbH"))
                .post("/api/v1/customers");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/customers/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("externalCrmId", equalTo(crm))
                .body("tier", equalTo("ENTERPRISE"))
                .body("annualRevenue.amount", equalTo("120000.00"))
                .body("annualRevenue.currency", equalTo("EUR"))
                .body("createdAt", notNullValue());
        String id = created.path("id");

        given().get("/api/v1/customers/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Acme GmbH"))
                .body("contactEmail", equalTo("buyer@acme.example"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreate() {
        String key = UUID.randomUUID().toString();
        String body = body(crmId(), "Replayed");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        long before = Customer.count();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/customers").then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
        assertEquals(before, Customer.count());
    }

    @Test
    void aCrmIdIsUnique() {
        String crm = crmId();
        String first = create(crm, "First");
        long before = Customer.count();
        given().contentType(ContentType.JSON).body(body(crm, "Second")).post("/api/v1/customers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalCrmId"));
        assertEquals(before, Customer.count());

        String other = create(crmId(), "Other");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"externalCrmId\": \"" + crm + "\"}")
                .patch("/api/v1/customers/" + other).then().statusCode(409)
                .body("errors[0].field", equalTo("externalCrmId"));
        given().get("/api/v1/customers/" + first).then().body("name", equalTo("First"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        long before = Customer.count();
        assertBadRequest("{\"name\": \"No CRM id\", \"tier\": \"STARTER\"}", "externalCrmId");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"PLATINUM\"}", "tier");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"annualRevenue\": {\"amount\": \"-5.00\", \"currency\": \"EUR\"}}",
                "annualRevenue.amount");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"annualRevenue\": {\"amount\": 5, \"currency\": \"EUR\"}}",
                null);
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"annualRevenue\": {\"amount\": \"5.00\", \"currency\": \"EURO\"}}",
                "annualRevenue.currency");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"annualRevenue\": {\"amount\": \"5.00\", \"currency\": \"XYZ\"}}",
                "annualRevenue.currency");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"contactEmail\": \"not-an-email\"}",
                "contactEmail");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"vip\": true}", "vip");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": [1], \"tier\": \"STARTER\"}", "name");
        assertEquals(before, Customer.count());
    }

    private static void assertBadRequest(String body, String field) {
        var r = given().contentType(ContentType.JSON).body(body).post("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json");
        if (field != null) {
            r.body("errors.field", hasItem(field));
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // a hang guard, not a timing assertion: the old pattern took minutes here
    void aCraftedContactEmailIsRefusedAtOnceNamingTheField() {
        String id = create(crmId(), "Crafted");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"contactEmail\": \"" + "@".repeat(40_000) + "\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contactEmail"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"contactEmail\": \"a@" + "b.".repeat(20_000) + "\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("errors.field", hasItem("contactEmail"));
        given().get("/api/v1/customers/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("contactEmail", equalTo("buyer@acme.example"));
    }

    @Test
    void patchNeedsTheCurrentETagAndChangesOnlyWhatIsSent() {
        String id = create(crmId(), "Patched");
        String change = "{\"annualRevenue\": {\"amount\": \"150000.00\", \"currency\": \"EUR\"}, \"tier\": \"GROWTH\"}";

        given().contentType(ContentType.JSON).body(change).patch("/api/v1/customers/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(change).patch("/api/v1/customers/" + id)
                .then().statusCode(412);
        given().get("/api/v1/customers/" + id).then().header("ETag", "\"0\"")
                .body("annualRevenue.amount", equalTo("120000.00"));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change).patch("/api/v1/customers/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("annualRevenue.amount", equalTo("150000.00"))
                .body("tier", equalTo("GROWTH"))
                .body("name", equalTo("Patched"))
                .body("segment", equalTo("Enterprise"));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"segment\": \"\", \"contactEmail\": \"\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("segment", nullValue()).body("contactEmail", nullValue());

        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"name\": \"  \"}")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"tier\": 3}")
                .patch("/api/v1/customers/" + id).then().statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"name\": \"X\"}")
                .patch("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aCustomerCanOptOutOfMailOnCreateAndByPatch() {
        String id = create(crmId(), "Mailable");
        given().get("/api/v1/customers/" + id).then().statusCode(200).body("emailOptOut", equalTo(false));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"emailOptOut\": true}")
                .patch("/api/v1/customers/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("emailOptOut", equalTo(true)).body("contactEmail", equalTo("buyer@acme.example"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"Still mailable?\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(200).body("emailOptOut", equalTo(true));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"emailOptOut\": true}")
                .patch("/api/v1/customers/" + id).then().statusCode(200).header("ETag", "\"2\"");
        assertEquals(2, TestData.outboxCount(dev.tandem.events.EventType.CUSTOMER_UPDATED, id),
                "the opt-out and the rename are changes, the repeated opt-out is not");

        String optedOut = given().contentType(ContentType.JSON).body("""
                {"externalCrmId": "%s", "name": "Quiet Ltd", "tier": "STARTER", "contactEmail": "cto@quiet.example",
                 "emailOptOut": true}""".formatted(crmId())).post("/api/v1/customers").then().statusCode(201)
                .body("emailOptOut", equalTo(true)).extract().path("id");
        given().get("/api/v1/customers/" + optedOut).then().body("emailOptOut", equalTo(true));

        long before = Customer.count();
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"emailOptOut\": \"sometimes\"}",
                "emailOptOut");
        assertBadRequest("{\"externalCrmId\": \"X-1\", \"name\": \"N\", \"tier\": \"STARTER\", \"emailOptOut\": {}}",
                "emailOptOut");
        assertEquals(before, Customer.count());
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"emailOptOut\": [true]}")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("errors.field", hasItem("emailOptOut"));
    }

    @Test
    void unknownIdsAreNotFound() {
        given().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/customers/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listFiltersBySegmentTierAndTextAndPages() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body("""
                    {"externalCrmId": "CRM-%s-%d", "name": "Zeta %s %d", "segment": "seg-%s", "tier": "STARTER"}"""
                    .formatted(marker, i, marker, i, marker)).post("/api/v1/customers").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body("""
                {"externalCrmId": "CRM-%s-x", "name": "Other", "segment": "seg-%s", "tier": "GROWTH"}"""
                .formatted(marker, marker)).post("/api/v1/customers").then().statusCode(201);

        Response first = given().queryParam("segment", "SEG-" + marker).queryParam("tier", "STARTER")
                .queryParam("limit", 2).get("/api/v1/customers");
        first.then().statusCode(200).body("items", hasSize(2)).header("Link", containsString("rel=\"next\""))
                .body("items[0].name", equalTo("Zeta " + marker + " 0"));
        given().queryParam("segment", "seg-" + marker).queryParam("tier", "STARTER").queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor")).get("/api/v1/customers")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].name", equalTo("Zeta " + marker + " 2"));

        given().queryParam("q", "crm-" + marker + "-X").get("/api/v1/customers").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("Other"));
        given().queryParam("q", "zeta " + marker).get("/api/v1/customers").then().statusCode(200)
                .body("items", hasSize(3));
        given().queryParam("tier", "GOLD").get("/api/v1/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("tier"));
        given().queryParam("limit", 0).get("/api/v1/customers").then().statusCode(400);
    }

    @Test
    void openApiDocumentsEveryOperationAndItsReusableResponses() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String op : List.of("createCustomer", "getCustomer", "listCustomers", "updateCustomer", "createFeedback",
                "getFeedback", "listFeedback", "updateFeedback", "changeFeedbackStatus", "deleteFeedback")) {
            assertTrue(doc.contains("\"operationId\" : \"" + op + "\"") || doc.contains("\"operationId\":\"" + op + "\""),
                    "operation " + op);
        }
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(doc);
        for (String ref : List.of("BadRequest", "NotFound", "PreconditionFailed", "PreconditionRequired", "Unprocessable")) {
            assertTrue(json.getMap("components.responses").containsKey(ref), "components.responses." + ref);
        }
        // a text media type's example stays text: both NDJSON lines, not the first line parsed as an object
        Object ndjson = json.get("paths.'/api/v1/imports/feedback'.post.requestBody.content.'application/x-ndjson'"
                + ".examples.ndjson.value");
        assertTrue(ndjson instanceof String && ((String) ndjson).strip().lines().count() == 2, String.valueOf(ndjson));
        // who did what: each record's history, with an example and its errors; createdBy/updatedBy on the views
        for (String[] h : new String[][] {{"/api/v1/customers/{id}/history", "getCustomerHistory"},
                {"/api/v1/feedback/{id}/history", "getFeedbackHistory"}}) {
            String op = "paths.'" + h[0] + "'.get.";
            assertEquals(h[1], json.getString(op + "operationId"));
            assertTrue(json.getString(op + "summary").contains("history"), h[0]);
            assertEquals("#/components/schemas/HistoryPage",
                    json.getString(op + "responses.'200'.content.'application/json'.schema.'$ref'"));
            assertTrue(json.get(op + "responses.'200'.content.'application/json'.examples.history") != null, h[0]);
            assertEquals("#/components/responses/NotFound", json.getString(op + "responses.'404'.'$ref'"));
        }
        for (String record : List.of("Customer", "Feedback", "FeedbackLink", "Comment")) {
            assertEquals("#/components/schemas/Actor",
                    json.getString("components.schemas." + record + ".properties.createdBy.'$ref'"), record);
        }
    }
}
