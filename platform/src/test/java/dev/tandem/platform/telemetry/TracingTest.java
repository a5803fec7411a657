package dev.tandem.platform.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import dev.tandem.devstack.testing.KafkaEvents;
import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.inbox.TestEventConsumer;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * One request and what it causes form one trace: the HTTP server span, the outbox relay's send, the inbox's
 * processing of the event, and the event the handler publishes in turn; the handler's log lines carry its trace id.
 */
@QuarkusTest
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aValidTraceparentIsContinuedWithANewSpanAndItsTraceIdIsInTheMdc() {
        JsonPath body = given().header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .get("/test/widgets/context").jsonPath();
        String ours = body.getString("traceparent");
        assertTrue(ours.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), ours);
        assertNotEquals(CALLER_SPAN, ours.substring(36, 52), "this service's span, not the caller's");
        assertEquals(TRACE_ID, body.getString("mdcTraceId"), "log lines of the worker thread carry the trace id");
        assertEquals(ours.substring(36, 52), body.getString("mdcSpanId"));
    }

    @Test
    void aMissingOrInvalidTraceparentStartsANewSampledTrace() {
        for (String bad : new String[] {null, "00-00000000000000000000000000000000-" + CALLER_SPAN + "-01",
                "00-" + TRACE_ID + "-0000000000000000-01", "nonsense", "ff-" + TRACE_ID + "-" + CALLER_SPAN + "-01"}) {
            var request = given();
            if (bad != null) {
                request.header("traceparent", bad);
            }
            String ours = request.get("/test/widgets/context").jsonPath().getString("traceparent");
            assertTrue(ours.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), bad + " -> " + ours);
            assertNotEquals(TRACE_ID, ours.substring(3, 35), bad + " -> " + ours);
        }
        String a = given().get("/test/widgets/context").jsonPath().getString("traceparent");
        String b = given().get("/test/widgets/context").jsonPath().getString("traceparent");
        assertNotEquals(a.substring(3, 35), b.substring(3, 35), "two requests, two traces");
    }

    @Test
    void aCreateTheRelaysSendAndTheConsumersProcessingShareOneTrace() throws Exception {
        String marker = "m-" + UUID.randomUUID();
        given().header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .post("/test/traced/" + marker)
                .then().statusCode(202);

        // the consumer's handler: its log line's trace id, and the event it published in turn
        assertEquals(TRACE_ID, eventually(() -> loggedTraceId(marker), Optional::isPresent).orElseThrow(),
                "the handler's log lines carry the request's trace id");
        KafkaEvents.Event reaction = KafkaEvents.first(TestEventConsumer.REACTIONS_TOPIC, KafkaEvents.withKey(marker));
        String reactionTraceparent = EventEnvelope.fromHeaders(reaction.headers()).traceparent();
        assertEquals(TRACE_ID, reactionTraceparent.substring(3, 35), "the reaction continues the trace");
        assertEquals(reactionTraceparent, reaction.traceparent());

        // the spans: server → send → process → send (the reaction), each the parent of the next
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER
                && s.getAttributes().asMap().values().stream().anyMatch(v -> v.toString().contains(marker)));
        assertEquals(TRACE_ID, server.getTraceId());
        assertEquals(CALLER_SPAN, server.getParentSpanId(), "the server span continues the caller's");
        SpanData send = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER && marker.equals(s.getAttributes().get(
                EVENT_SUBJECT)) && TracedEventResource.TYPE.equals(s.getAttributes().get(EVENT_TYPE)));
        assertEquals("send " + TracedEventResource.TOPIC, send.getName());
        assertEquals(TRACE_ID, send.getTraceId());
        assertEquals(server.getSpanId(), send.getParentSpanId(), "the send continues the request that wrote it");
        SpanData process = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && marker.equals(s.getAttributes().get(
                EVENT_SUBJECT)));
        assertEquals("process " + TracedEventResource.TOPIC, process.getName());
        assertEquals(TRACE_ID, process.getTraceId());
        assertEquals(send.getSpanId(), process.getParentSpanId(), "the processing continues the send");
        SpanData reactionSend = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER && marker.equals(
                s.getAttributes().get(EVENT_SUBJECT)) && "dev.tandem.test.traced-reaction.v1".equals(
                s.getAttributes().get(EVENT_TYPE)));
        assertEquals(process.getSpanId(), reactionSend.getParentSpanId(), "the reaction is sent from the processing");
        assertEquals(reactionSend.getSpanId(), reactionTraceparent.substring(36, 52),
                "the record's traceparent is its send span");
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        return eventually(() -> spans.getFinishedSpanItems().stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<String> loggedTraceId(String marker) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT marker FROM test_log WHERE name = ?")) {
            ps.setString(1, "traced:" + marker);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static <T> T eventually(Callable<T> probe, Predicate<T> done) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(probe, done);
    }
}
