package dev.tandem.e2e;

import static dev.tandem.e2e.GatewayClient.money;
import static dev.tandem.e2e.GatewayClient.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.devstack.infra.ReceivedMail;
import dev.tandem.devstack.stack.StackEndpoints;
import dev.tandem.e2e.EventLog.Event;
import dev.tandem.events.EventType;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The loop Tandem exists for, driven the way an integrating system would: only through the gateway, with an API key
 * of its own (no admin scope), waiting for what the services learn from each other's events instead of sleeping.
 *
 * <p>Customers and a product with an objective and three features → feedback from three customers, linked with
 * different importances → the features' demand and the ranked backlog change → a pivot refused without evidence,
 * accepted with it → the top feature committed → project-service proposes a project → approved (baseline), tasks
 * with a dependency, a member, time → health RED → the feature's risk flag → tasks done, project completed → feature
 * DELIVERED → released → its feedback ADDRESSED → one {@code feedback.loop-closed} per customer, and one mail to each
 * of them who did not opt out, read from the stack's SMTP server. Then every event of the run is read back from Kafka
 * (CloudEvents SDK, JSON Schemas) and none may be missing or repeated.
 *
 * <p>It runs twice against the same stack: each run makes its own key, product and customers, so the second run
 * proves the first left nothing behind that changes its outcome.
 */
class ClosedLoopTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String EUR = "EUR";

    private static StackEndpoints stack;
    private static GatewayClient admin;

    @BeforeAll
    static void startStack() {
        stack = SystemUnderTest.endpoints();
        admin = new GatewayClient(stack.gatewayUrl(), SystemUnderTest.adminApiKey());
    }

    @RepeatedTest(value = 2, name = "the loop, run {currentRepetition} of {totalRepetitions}")
    void feedbackDrivesPriorityDeliveryAndTheCustomersAreTold(RepetitionInfo run) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        Set<String> subjects = new HashSet<>();

        // ---- an integration gets its own key: every read/write scope, not admin
        ArrayNode scopes = GatewayClient.JSON.createArrayNode();
        List.of("products:read", "products:write", "projects:read", "projects:write", "feedback:read",
                "feedback:write").forEach(scopes::add);
        ObjectNode keyRequest = object().put("name", "loop-e2e-" + tag).put("rateLimitPerMinute", 6000);
        keyRequest.set("scopes", scopes);
        // (no Idempotency-Key here: the gateway refuses one, since a replay would have to store the secret)
        JsonNode issued = admin.send("POST", "/api/v1/admin/api-keys", keyRequest, null, false).expect(201);
        GatewayClient api = new GatewayClient(stack.gatewayUrl(), issued.path("secret").asText());
        assertEquals(403, api.get("/api/v1/admin/api-keys").status(), "the integration's key is not an admin key");

        // ---- customers with their weight
        String acme = customer(api, "Acme " + tag, "ENTERPRISE", "100000.00", EUR, subjects);
        String bolt = customer(api, "Bolt " + tag, "GROWTH", "50000.00", EUR, subjects);
        String corvo = customer(api, "Corvo " + tag, "STARTER", "20000.00", "USD", subjects);
        // Corvo asked not to be e-mailed: told by the event like the others, but not written to
        String corvoPath = "/api/v1/customers/" + corvo;
        assertTrue(api.change("PATCH", corvoPath, corvoPath, object().put("emailOptOut", true)).expect(200)
                .path("emailOptOut").asBoolean(), "Corvo opted out");

        // ---- a system that cannot read Kafka subscribes to the customers being told (a webhook, signed)
        WebhookReceiver receiver = WebhookReceiver.start();
        ObjectNode subscription = object().put("url", receiver.url()).put("description", "CRM " + tag);
        subscription.putArray("eventTypes").add(EventType.FEEDBACK_LOOP_CLOSED.type());
        subscription.putArray("subjects").add(acme).add(bolt).add(corvo);
        JsonNode webhook = admin.send("POST", "/api/v1/webhooks", subscription, null, false).expect(201);
        String webhookSecret = webhook.path("secret").asText();
        assertTrue(webhookSecret.startsWith("whsec_"), webhook.toString());

        // ---- a product with an objective and three features; by RICE alone: A 300, B 200, C 100
        ObjectNode productBody = object().put("key", "L" + tag).put("name", "Loop " + tag)
                .put("vision", "Merchants get paid the day they ship").put("owner", "pm-" + tag + "@example.com");
        productBody.putArray("targetSegments").add("SMB");
        String productId = api.create("/api/v1/products", productBody).expect(201).path("id").asText();
        subjects.add(productId);
        JsonNode objective = api.create("/api/v1/objectives", object().put("productId", productId)
                .put("title", "Faster payouts").put("period", "2027-Q1")).expect(201);
        subjects.add(objective.path("id").asText());
        String objectivePath = "/api/v1/objectives/" + objective.path("id").asText();
        JsonNode withKeyResult = api.change("POST", objectivePath, objectivePath + "/key-results", object()
                .put("metric", "payout-days").put("unit", "days").put("baseline", "5").put("target", "1")
                .put("direction", "DECREASE")).expect(201);
        String keyResultId = withKeyResult.path("keyResults").get(0).path("id").asText();
        JsonNode measured = api.create(objectivePath + "/key-results/" + keyResultId + "/measurements", object()
                .put("value", "4").put("measuredAt", LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T09:00:00Z")
                .put("source", "payments dashboard")).expect(201);
        assertEquals(0, new BigDecimal("25").compareTo(measured.path("keyResult").path("progress").decimalValue()),
                "5 → 4 days on the way to 1 is 25 %: " + measured);

        String featureA = feature(api, productId, "Instant payouts " + tag, 300, subjects);
        String featureB = feature(api, productId, "Payout reports " + tag, 200, subjects);
        String featureC = feature(api, productId, "Payout webhooks " + tag, 100, subjects);
        JsonNode backlogBefore = api.get("/api/v1/products/" + productId + "/backlog").expect(200);
        assertEquals(List.of(featureA, featureB, featureC), ranking(backlogBefore), "without demand RICE decides");

        // ---- feedback from three customers, linked with different importances (feedback-service knows the
        //      product and features only from product-service's events)
        api.await("/api/v1/catalog/features?productId=" + productId, page -> page.path("items").size() == 3,
                EVENTUALLY, "feedback-service's catalog to hold the three features");
        Map<String, List<String>> feedbackOnB = new LinkedHashMap<>();
        List<String> allFeedback = new ArrayList<>();
        String acme1 = feedback(api, acme, productId, "Reports are unusable", "We cannot reconcile payouts, this "
                + "is really painful.", featureB, "IMPORTANT", tag, subjects);
        String acme2 = feedback(api, acme, productId, "Audit needs payout reports", "Our auditors block the "
                + "quarter close without payout reports.", featureB, "CRITICAL", tag, subjects);
        String bolt1 = feedback(api, bolt, productId, "Payout report export", "Please add an export of payouts "
                + "per month.", featureB, "IMPORTANT", tag, subjects);
        String bolt2 = feedback(api, bolt, productId, "Faster payouts would be nice", "Getting paid sooner "
                + "would help a little.", featureA, "NICE_TO_HAVE", tag, subjects);
        String corvo1 = feedback(api, corvo, productId, "Need payout reports", "Without reports we do "
                + "everything by hand.", featureB, "IMPORTANT", tag, subjects);
        feedbackOnB.put(acme, List.of(acme1, acme2));
        feedbackOnB.put(bolt, List.of(bolt1));
        feedbackOnB.put(corvo, List.of(corvo1));
        allFeedback.addAll(List.of(acme1, acme2, bolt1, bolt2, corvo1));
        for (String id : allFeedback) {
            assertEquals("PLANNED", api.get("/api/v1/feedback/" + id).expect(200).path("status").asText(),
                    "linking moves NEW feedback to PLANNED");
        }

        // ---- demand (revenue-weighted, each customer once at their strongest importance) re-ranks the backlog:
        //      B = 100,000 × 2 (Acme, CRITICAL) + 50,000 × 1 (Bolt) + 20,000 USD × 0.92 × 1 (Corvo) = 268,400 EUR
        JsonNode demandB = api.await("/api/v1/features/" + featureB,
                f -> f.path("demand").path("feedbackCount").asInt() == 4
                        && f.path("demand").path("customerCount").asInt() == 3
                        && f.path("demand").path("customersWithoutRevenue").asInt() == 0,
                EVENTUALLY, "product-service to count the demand on feature B").path("demand");
        assertEquals("268400.00", demandB.path("weightedDemand").path("amount").asText(), demandB.toString());
        assertEquals(EUR, demandB.path("weightedDemand").path("currency").asText());
        assertEquals(List.of(0, 3, 1), List.of(demandB.path("importanceMix").path("niceToHave").asInt(),
                demandB.path("importanceMix").path("important").asInt(),
                demandB.path("importanceMix").path("critical").asInt()), demandB.toString());
        JsonNode backlog = api.await("/api/v1/products/" + productId + "/backlog",
                b -> ranking(b).equals(List.of(featureB, featureA, featureC))
                        && row(b, featureA).path("demand").path("customerCount").asInt() == 1,
                EVENTUALLY, "the ranked backlog to put the most demanded feature first");
        // B: 200 × (1 + 1 × 1) = 400; A: 300 × (1 + 25,000 / 268,400 = 0.0931) = 327.93; C: 100 × 1
        assertEquals("400.00", row(backlog, featureB).path("priority").decimalValue().setScale(2).toPlainString());
        assertEquals("0.0931", row(backlog, featureA).path("normalisedDemand").decimalValue().toPlainString());
        assertEquals("327.93", row(backlog, featureA).path("priority").decimalValue().setScale(2).toPlainString());
        assertEquals("100.00", row(backlog, featureC).path("priority").decimalValue().setScale(2).toPlainString());

        // ---- a pivot is a managed change: refused without evidence, accepted with it
        String productPath = "/api/v1/products/" + productId;
        ObjectNode pivot = object().put("vision", "Merchants see and reconcile every payout")
                .put("rationale", "Reporting, not speed, is what our customers ask for").put("pivotedBy", "pm");
        pivot.putArray("evidence");
        GatewayClient.Answer refused = api.change("POST", productPath, productPath + "/pivots", pivot);
        assertEquals(422, refused.status(), refused.body().toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertTrue(refused.body().toString().contains("evidence"), "the problem names the evidence: "
                + refused.body());
        assertEquals("Merchants get paid the day they ship", api.get(productPath).expect(200).path("vision")
                .asText(), "a refused pivot changes nothing");
        ArrayNode evidence = pivot.putArray("evidence");
        evidence.addObject().put("type", "FEEDBACK").put("feedbackId", acme2);
        evidence.addObject().put("type", "KEY_RESULT_MEASUREMENT")
                .put("measurementId", measured.path("measurement").path("id").asText());
        JsonNode pivoted = api.change("POST", productPath, productPath + "/pivots", pivot).expect(201);
        assertEquals("Merchants see and reconcile every payout", pivoted.path("vision").asText());
        JsonNode pivots = api.get(productPath + "/pivots").expect(200);
        assertEquals(1, pivots.path("items").size());

        // ---- who did what: the integration's key, as the gateway authenticated it, never a name in a body
        String keyName = "loop-e2e-" + tag;
        String keySubject = "apikey:" + issued.path("id").asText();
        assertEquals(keyName, pivots.path("items").get(0).path("pivotedBy").asText(), pivots.toString());
        assertEquals("pm", pivots.path("items").get(0).path("onBehalfOf").asText(), "the body's name is kept apart");
        assertEquals(keySubject, api.get(productPath).expect(200).path("createdBy").path("subject").asText());
        JsonNode history = api.get(productPath + "/history").expect(200);
        JsonNode newest = history.path("items").get(0);
        assertEquals(EventType.PRODUCT_PIVOTED.type(), newest.path("eventType").asText(), history.toString());
        assertEquals(keySubject, newest.path("actor").path("subject").asText(), history.toString());
        assertEquals(keyName, newest.path("actor").path("name").asText(), history.toString());
        assertEquals("SYSTEM", newest.path("actor").path("kind").asText(), history.toString());
        assertEquals("Merchants get paid the day they ship", newest.path("changes").path("vision").path("from")
                .asText(), history.toString());
        assertEquals("Merchants see and reconcile every payout", newest.path("changes").path("vision").path("to")
                .asText(), history.toString());
        JsonNode oldest = history.path("items").get(history.path("items").size() - 1);
        assertEquals(EventType.PRODUCT_CREATED.type(), oldest.path("eventType").asText(), history.toString());
        assertEquals(keyName, oldest.path("actor").path("name").asText(), history.toString());

        // ---- the top of the ranked backlog is committed; project-service proposes a project on its own
        String top = ranking(backlog).get(0);
        String featurePath = "/api/v1/features/" + top;
        for (String status : List.of("CANDIDATE", "PLANNED", "COMMITTED")) {
            api.change("POST", featurePath, featurePath + "/status", object().put("status", status)
                    .put("reason", "Most demanded; staffed this quarter")).expect(200);
        }
        JsonNode proposal = project(api.await("/api/v1/projects?productId=" + productId,
                page -> project(page, top) != null, EVENTUALLY, "project-service to propose a project"), top);
        assertEquals("PROPOSED", proposal.path("status").asText());
        String projectId = proposal.path("id").asText();
        subjects.add(projectId);
        String projectPath = "/api/v1/projects/" + projectId;

        // ---- planned and approved (baseline), staffed, two tasks where the second depends on the first
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ObjectNode plan = object().put("manager", "pjm-" + tag + "@example.com")
                .put("plannedStart", today.minusDays(14).toString()).put("plannedEnd", today.plusDays(14).toString());
        plan.set("budget", money("1000.00", EUR));
        api.change("PATCH", projectPath, projectPath, plan).expect(200);
        ObjectNode member = object().put("personId", "dev-" + tag).put("role", "Engineer").put("allocationPercent", 50);
        member.set("hourlyRate", money("100.00", EUR));
        subjects.add(api.create(projectPath + "/members", member).expect(201).path("id").asText());
        String design = task(api, projectPath, "Report design", today.minusDays(14), today, List.of(), tag, subjects);
        String build = task(api, projectPath, "Report export", today.plusDays(1), today.plusDays(14),
                List.of(design), tag, subjects);
        projectStatus(api, projectPath, "APPROVED");
        assertFalse(api.get(projectPath).expect(200).path("baseline").isMissingNode(), "approval takes a baseline");
        projectStatus(api, projectPath, "ACTIVE");
        GatewayClient.Answer early = api.change("POST", "/api/v1/tasks/" + build, "/api/v1/tasks/" + build
                + "/status", object().put("status", "IN_PROGRESS"));
        assertEquals(409, early.status(), "a task cannot start before what it depends on is done: " + early.body());
        assertTrue(early.body().toString().contains(design), "the problem names the open dependency: " + early.body());
        api.await(featurePath, f -> "IN_DELIVERY".equals(f.path("status").asText()), EVENTUALLY,
                "the feature to be IN_DELIVERY once its project is ACTIVE");

        // ---- twelve hours at 100 EUR on a 1,000 EUR budget: the project turns RED and the feature is at risk
        ObjectNode hours = object().put("personId", "dev-" + tag).put("taskId", design).put("date", today.toString())
                .put("hours", "12").put("note", "Report design workshops");
        subjects.add(api.create(projectPath + "/time-entries", hours).expect(201).path("id").asText());
        JsonNode health = api.get(projectPath + "/health").expect(200);
        assertEquals("RED", health.path("health").asText(), health.toString());
        assertTrue(health.toString().contains("OVER_BUDGET"), health.toString());
        JsonNode atRisk = api.await(featurePath, f -> f.path("atRisk").asBoolean()
                        && f.path("risks").toString().contains("OVER_BUDGET"), EVENTUALLY,
                "the feature's risk flag, with the project's current reasons, from project.health-changed");
        assertEquals(projectId, atRisk.path("risks").get(0).path("projectId").asText(), "the risk names the project");
        assertEquals("RED", atRisk.path("risks").get(0).path("health").asText());

        // ---- the work is done, the project completed: the feature is DELIVERED
        for (String taskId : List.of(design, build)) {
            for (String status : List.of("IN_PROGRESS", "DONE")) {
                api.change("POST", "/api/v1/tasks/" + taskId, "/api/v1/tasks/" + taskId + "/status",
                        object().put("status", status)).expect(200);
            }
        }
        projectStatus(api, projectPath, "COMPLETED");
        api.await(featurePath, f -> "DELIVERED".equals(f.path("status").asText()), EVENTUALLY,
                "the feature to be DELIVERED once its project is COMPLETED");

        // ---- the product manager releases it; the customers who asked are told
        String releaseId = api.create("/api/v1/releases", object().put("productId", productId)
                .put("name", "Payout reports " + tag).put("targetDate", today.plusDays(7).toString()))
                .expect(201).path("id").asText();
        subjects.add(releaseId);
        api.change("PATCH", featurePath, featurePath, object().put("releaseId", releaseId)).expect(200);
        String releasePath = "/api/v1/releases/" + releaseId;
        api.change("POST", releasePath, releasePath + "/release", object()).expect(200);
        assertEquals("RELEASED", api.get(featurePath).expect(200).path("status").asText());
        for (List<String> items : feedbackOnB.values()) {
            for (String id : items) {
                api.await("/api/v1/feedback/" + id, f -> "ADDRESSED".equals(f.path("status").asText()), EVENTUALLY,
                        "feedback " + id + " on the released feature to be ADDRESSED");
            }
        }
        assertEquals("PLANNED", api.get("/api/v1/feedback/" + bolt2).expect(200).path("status").asText(),
                "feedback on a feature not released stays open");

        // ---- every event of the run, read back from Kafka
        List<Event> events;
        try (EventLog log = new EventLog(stack.kafkaBootstrapServers())) {
            events = log.awaitEventsOf(subjects, e -> count(e, EventType.FEEDBACK_LOOP_CLOSED, x -> true) >= 3
                    && count(e, EventType.FEEDBACK_STATUS_CHANGED, x -> "ADDRESSED".equals(x.path("to").asText()))
                    >= 4, EVENTUALLY, "the loop's events");
        }
        EventLog.assertCompleteAndUnique(events);

        Map<String, JsonNode> loopClosed = new LinkedHashMap<>();
        events.stream().filter(e -> is(e, EventType.FEEDBACK_LOOP_CLOSED))
                .forEach(e -> assertTrue(loopClosed.put(e.subject(), e.data()) == null, "one per customer: " + e));
        assertEquals(feedbackOnB.keySet(), loopClosed.keySet(), "a loop-closed event for each customer who asked");
        feedbackOnB.forEach((customer, items) -> {
            JsonNode told = loopClosed.get(customer);
            assertEquals(top, told.path("featureId").asText());
            assertEquals(releaseId, told.path("releaseId").asText());
            assertEquals(Set.copyOf(items), texts(told.path("feedbackIds")), "their feedback items: " + told);
            assertTrue(told.path("contactEmail").asText().endsWith("@example.com"), told.toString());
        });

        // ---- the subscriber was called once per customer told, each call signed per the Standard Webhooks spec
        List<WebhookReceiver.Call> calls = receiver.await(3, EVENTUALLY);
        Map<String, String> calledFor = new LinkedHashMap<>();
        for (WebhookReceiver.Call call : calls) {
            assertTrue(call.verifies(webhookSecret), "a valid webhook-signature: " + call);
            JsonNode cloudEvent = call.json();
            assertEquals(EventType.FEEDBACK_LOOP_CLOSED.type(), cloudEvent.path("type").asText());
            assertEquals(call.id(), cloudEvent.path("id").asText(), "webhook-id is the CloudEvent id");
            assertTrue(calledFor.put(cloudEvent.path("subject").asText(), call.id()) == null, "one call per customer");
            assertEquals(top, cloudEvent.path("data").path("featureId").asText());
        }
        assertEquals(feedbackOnB.keySet(), calledFor.keySet(), "a call for each customer who asked");
        assertEquals(Set.copyOf(calledFor.values()), loopClosed.keySet().stream().map(customer -> events.stream()
                .filter(e -> is(e, EventType.FEEDBACK_LOOP_CLOSED) && customer.equals(e.subject())).findFirst()
                .orElseThrow().id()).collect(Collectors.toSet()), "the calls carry the events' ids");
        receiver.close();
        admin.send("DELETE", "/api/v1/webhooks/" + webhook.path("id").asText(), null,
                admin.get("/api/v1/webhooks/" + webhook.path("id").asText()).etag(), false).expect(204);
        // ---- and by e-mail: one mail to each customer told who did not opt out, naming the feature and their own
        //      feedback, read from the stack's SMTP server
        String featureTitle = "Payout reports " + tag;
        Map<String, String> titles = Map.of(acme1, "Reports are unusable", acme2, "Audit needs payout reports",
                bolt1, "Payout report export", corvo1, "Need payout reports");
        Map<String, String> addresses = Map.of(acme, contactEmail("Acme " + tag), bolt, contactEmail("Bolt " + tag));
        awaitMail(() -> addresses.values().stream().allMatch(a -> !mailsTo(a).isEmpty()),
                "a mail to each customer told who may be written to");
        sleep(Duration.ofSeconds(6)); // a run of the mail relay (every 5 s) more: nothing further may arrive
        addresses.forEach((customer, address) -> {
            List<ReceivedMail> mails = mailsTo(address);
            assertEquals(1, mails.size(), "one mail to " + address + ": " + mails);
            ReceivedMail mail = mails.get(0);
            assertEquals("Released: " + featureTitle, mail.subject());
            for (String part : List.of(mail.text(), mail.html())) {
                assertTrue(part.contains(featureTitle) && part.contains("Loop " + tag) && part.contains(releaseId),
                        "names the feature, its product and the release: " + part);
                feedbackOnB.forEach((someone, items) -> items.forEach(item -> assertEquals(someone.equals(customer),
                        part.contains(titles.get(item)), "their own feedback and nobody else's: " + part)));
            }
        });
        assertEquals(List.of(), mailsTo(contactEmail("Corvo " + tag)), "Corvo opted out: no mail");

        assertEquals(1, count(events, EventType.FEATURE_COMMITTED, d -> top.equals(d.path("featureId").asText())));
        assertEquals(1, count(events, EventType.FEATURE_RELEASED, d -> top.equals(d.path("featureId").asText())));
        assertEquals(List.of("CANDIDATE", "PLANNED", "COMMITTED", "IN_DELIVERY", "DELIVERED", "RELEASED"),
                events.stream().filter(e -> is(e, EventType.FEATURE_STATUS_CHANGED) && top.equals(e.subject()))
                        .map(e -> e.data().path("to").asText()).toList(), "feature B's path through its states");
        assertEquals(List.of("APPROVED", "ACTIVE", "COMPLETED"), events.stream()
                .filter(e -> is(e, EventType.PROJECT_STATUS_CHANGED)).map(e -> e.data().path("to").asText())
                .toList(), "the project's path");
        List<JsonNode> healthChanges = events.stream().filter(e -> is(e, EventType.PROJECT_HEALTH_CHANGED))
                .map(Event::data).toList();
        assertFalse(healthChanges.isEmpty(), "health published");
        assertTrue(healthChanges.get(0).path("from").isMissingNode() || healthChanges.get(0).path("from").isNull(),
                "the first health comes with the approval: " + healthChanges.get(0));
        assertTrue(healthChanges.stream().allMatch(d -> "RED".equals(d.path("to").asText())),
                "behind schedule from the start, then over budget: RED throughout " + healthChanges);
        assertTrue(healthChanges.stream().anyMatch(d -> d.path("reasons").toString().contains("OVER_BUDGET")),
                "the new reason was published although the colour stayed: " + healthChanges);
        assertEquals(1, count(events, EventType.PROJECT_BUDGET_EXCEEDED, d -> true), "budget exceeded once");
        assertEquals(1, count(events, EventType.PRODUCT_PIVOTED, d -> true), "the accepted pivot only");
        // every event names its actor: the key for what it asked, the service itself for what it did on an event
        for (Event e : events) {
            assertNotNull(e.cloudEvent().getExtension("actor"), e + " names no actor");
        }
        for (EventType asked : List.of(EventType.PRODUCT_CREATED, EventType.PRODUCT_PIVOTED,
                EventType.FEEDBACK_RECEIVED, EventType.CUSTOMER_CREATED)) {
            assertEquals(Set.of(keySubject), events.stream().filter(e -> is(e, asked))
                    .map(e -> String.valueOf(e.cloudEvent().getExtension("actor"))).collect(Collectors.toSet()),
                    asked.type() + " is the integration key's");
        }
        assertEquals(keyName, events.stream().filter(e -> is(e, EventType.PRODUCT_CREATED)).findFirst()
                .orElseThrow().cloudEvent().getExtension("actorname"));
        assertEquals(Set.of("system:project-service"), events.stream().filter(e -> is(e, EventType.PROJECT_CREATED))
                .map(e -> String.valueOf(e.cloudEvent().getExtension("actor"))).collect(Collectors.toSet()),
                "the project was proposed by project-service on feature.committed");
        assertEquals(5, count(events, EventType.FEEDBACK_LINKED, d -> true), "five links");
        assertEquals(Set.of(acme, bolt, corvo), events.stream().filter(e -> is(e, EventType.CUSTOMER_CREATED))
                .map(Event::subject).collect(Collectors.toSet()));
        for (EventType type : List.of(EventType.PRODUCT_CREATED, EventType.OBJECTIVE_CREATED,
                EventType.KEY_RESULT_MEASURED, EventType.FEATURE_CREATED, EventType.FEEDBACK_RECEIVED,
                EventType.PROJECT_CREATED, EventType.MEMBER_ADDED, EventType.TASK_CREATED,
                EventType.TASK_STATUS_CHANGED, EventType.TIME_RECORDED, EventType.RELEASE_CREATED,
                EventType.RELEASE_RELEASED)) {
            assertTrue(count(events, type, d -> true) > 0, "the run published " + type.type());
        }
        System.out.printf("closed loop, run %d: %d events of %d aggregates read back, each once, in order%n",
                run.getCurrentRepetition(), events.size(), events.stream().map(Event::subject).distinct().count());

        admin.send("DELETE", "/api/v1/admin/api-keys/" + issued.path("id").asText(), null, null, false).expect(204);
        assertEquals(401, api.get(productPath).status(), "a revoked key is refused");
    }

    // ---------------------------------------------------------------- steps

    private static String contactEmail(String customerName) {
        return customerName.toLowerCase().replace(' ', '.') + "@example.com";
    }

    private static List<ReceivedMail> mailsTo(String address) {
        return SystemUnderTest.receivedMail().stream().filter(m -> m.recipient().equalsIgnoreCase(address)).toList();
    }

    private static void awaitMail(java.util.function.BooleanSupplier done, String what) {
        try {
            await(what).atMost(EVENTUALLY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(done::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + EVENTUALLY.toSeconds() + " s for " + what + "; received: "
                    + SystemUnderTest.receivedMail(), e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String customer(GatewayClient api, String name, String tier, String revenue, String currency,
            Set<String> subjects) {
        ObjectNode body = object().put("externalCrmId", "crm-" + UUID.randomUUID()).put("name", name)
                .put("segment", "SMB").put("tier", tier)
                .put("contactEmail", contactEmail(name));
        body.set("annualRevenue", money(revenue, currency));
        String id = api.create("/api/v1/customers", body).expect(201).path("id").asText();
        subjects.add(id);
        return id;
    }

    private static String feature(GatewayClient api, String productId, String title, long reach, Set<String> subjects) {
        String id = api.create("/api/v1/features", object().put("productId", productId).put("title", title)
                .put("problem", "Merchants ask for it").put("reach", reach).put("impact", 1).put("confidence", 100)
                .put("effort", 1)).expect(201).path("id").asText();
        subjects.add(id);
        return id;
    }

    private static String feedback(GatewayClient api, String customerId, String productId, String title, String text,
            String featureId, String importance, String tag, Set<String> subjects) {
        String id = api.create("/api/v1/feedback", object().put("source", "SUPPORT")
                .put("externalReference", "ZD-" + tag + "-" + UUID.randomUUID()).put("customerId", customerId)
                .put("productId", productId).put("title", title).put("text", text)).expect(201).path("id").asText();
        subjects.add(id);
        api.create("/api/v1/feedback/" + id + "/links", object().put("featureId", featureId)
                .put("importance", importance).put("linkedBy", "pm")).expect(201);
        return id;
    }

    private static String task(GatewayClient api, String projectPath, String title, LocalDate start, LocalDate end,
            List<String> dependsOn, String tag, Set<String> subjects) {
        ObjectNode body = object().put("title", title).put("estimateHours", "10").put("remainingHours", "10")
                .put("assignee", "dev-" + tag).put("plannedStart", start.toString()).put("plannedEnd", end.toString());
        ArrayNode deps = body.putArray("dependsOn");
        dependsOn.forEach(deps::add);
        String id = api.create(projectPath + "/tasks", body).expect(201).path("id").asText();
        subjects.add(id);
        return id;
    }

    private static void projectStatus(GatewayClient api, String projectPath, String status) {
        api.change("POST", projectPath, projectPath + "/status", object().put("status", status)
                .put("reason", "loop e2e")).expect(200);
    }

    // ---------------------------------------------------------------- reading answers and events

    private static List<String> ranking(JsonNode backlog) {
        List<String> ids = new ArrayList<>();
        backlog.path("items").forEach(row -> ids.add(row.path("featureId").asText()));
        return ids;
    }

    private static JsonNode row(JsonNode backlog, String featureId) {
        for (JsonNode row : backlog.path("items")) {
            if (featureId.equals(row.path("featureId").asText())) {
                return row;
            }
        }
        throw new AssertionError("feature " + featureId + " not in the backlog " + backlog);
    }

    private static JsonNode project(JsonNode page, String featureId) {
        for (JsonNode project : page.path("items")) {
            if (featureId.equals(project.path("proposedForFeatureId").asText())) {
                return project;
            }
        }
        return null;
    }

    private static boolean is(Event e, EventType type) {
        return type.type().equals(e.type());
    }

    private static long count(List<Event> events, EventType type, Predicate<JsonNode> data) {
        return events.stream().filter(e -> is(e, type) && data.test(e.data())).count();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
