package dev.tandem.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventEnvelope envelope = new EventEnvelope("6a1f0f7e-1d2c-4a55-8d7e-0c1a2b3c4d5e",
            "/tandem/product-service", "dev.tandem.product.created.v1", "p-1",
            Instant.parse("2026-11-22T09:15:00.123456Z"), 42, TRACEPARENT);

    @Test
    void writesTheKafkaBinaryBindingHeaders() {
        var headers = envelope.toHeaders().stream()
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals("6a1f0f7e-1d2c-4a55-8d7e-0c1a2b3c4d5e", headers.get("ce_id"));
        assertEquals("/tandem/product-service", headers.get("ce_source"));
        assertEquals("dev.tandem.product.created.v1", headers.get("ce_type"));
        assertEquals("p-1", headers.get("ce_subject"));
        assertEquals("2026-11-22T09:15:00.123456Z", headers.get("ce_time"));
        assertEquals("0000000000000000042", headers.get("ce_sequence"));
        assertEquals("application/json", headers.get("content-type"));
        assertEquals(TRACEPARENT, headers.get("traceparent"));
    }

    @Test
    void sequenceSortsAsAStringTheWayItSortsAsANumber() {
        assertTrue(EventEnvelope.formatSequence(9).compareTo(EventEnvelope.formatSequence(10)) < 0);
        assertTrue(EventEnvelope.formatSequence(99).compareTo(EventEnvelope.formatSequence(100)) < 0);
    }

    @Test
    void readsBackWhatItWrote() {
        RecordHeaders headers = new RecordHeaders(envelope.toHeaders());
        assertEquals(envelope, EventEnvelope.fromHeaders(headers));
    }

    @Test
    void carriesItsActorAsExtensions() {
        EventEnvelope acted = new EventEnvelope("id", "/s", "t", "subj", Instant.EPOCH, 1, null,
                new dev.tandem.platform.security.Actor("u-ana", dev.tandem.platform.security.Actor.Kind.PERSON,
                        "Ana Lima"));
        var headers = acted.toHeaders().stream()
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
        assertEquals("u-ana", headers.get("ce_actor"));
        assertEquals("Ana Lima", headers.get("ce_actorname"));
        assertEquals("PERSON", headers.get("ce_actorkind"));
        assertEquals(acted, EventEnvelope.fromHeaders(new RecordHeaders(acted.toHeaders())));
        // an event of before actors were recorded names none
        assertNull(EventEnvelope.fromHeaders(new RecordHeaders(envelope.toHeaders())).actor());
    }

    @Test
    void traceparentIsOptional() {
        EventEnvelope untraced = new EventEnvelope("id", "/s", "t", "subj", Instant.EPOCH, 1, null);
        assertTrue(untraced.toHeaders().stream().noneMatch(h -> h.key().equals("traceparent")));
        assertNull(EventEnvelope.fromHeaders(new RecordHeaders(untraced.toHeaders())).traceparent());
    }

    @Test
    void refusesRecordsWithoutTheRequiredAttributes() {
        List<Header> all = envelope.toHeaders();
        for (String required : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                "ce_sequence")) {
            RecordHeaders headers = new RecordHeaders(all.stream().filter(h -> !h.key().equals(required)).toList());
            var e = assertThrows(EventEnvelope.MalformedEventException.class, () -> EventEnvelope.fromHeaders(headers));
            assertTrue(e.getMessage().contains(required), e.getMessage());
        }
    }

    @Test
    void refusesUnreadableTimeOrSequence() {
        RecordHeaders badTime = new RecordHeaders(envelope.toHeaders());
        badTime.remove("ce_time");
        badTime.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThrows(EventEnvelope.MalformedEventException.class, () -> EventEnvelope.fromHeaders(badTime));

        RecordHeaders zeroSequence = new RecordHeaders(envelope.toHeaders());
        zeroSequence.remove("ce_sequence");
        zeroSequence.add("ce_sequence", "0".getBytes(StandardCharsets.UTF_8));
        assertThrows(EventEnvelope.MalformedEventException.class, () -> EventEnvelope.fromHeaders(zeroSequence));
    }
}
