package dev.tandem.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.platform.events.EventEnvelope;
import dev.tandem.platform.security.Actor;

/** Records in the CloudEvents Kafka binary binding as the structured JSON the event stream and webhooks send. */
class StructuredCloudEventTest {

    private static final String TOPIC = "tandem.product.events";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRecordAsThePlatformWritesItIsOneCloudEventWithItsExtensionsAndJsonData() throws Exception {
        EventEnvelope envelope = new EventEnvelope("e-1", "/tandem/product-service", "dev.tandem.product.created.v1",
                "p-1", Instant.parse("2026-01-10T12:00:00.123Z"), 4,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                new Actor("apikey:6f1c2c1e", Actor.Kind.SYSTEM, "crm-sync"));
        JsonNode event = json(record(envelope.toHeaders().toArray(Header[]::new),
                "{\"productId\":\"p-1\",\"name\":\"Tandem\",\"tags\":[\"a\"]}"));

        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("e-1", event.get("id").asText());
        assertEquals("/tandem/product-service", event.get("source").asText());
        assertEquals("dev.tandem.product.created.v1", event.get("type").asText());
        assertEquals("p-1", event.get("subject").asText());
        assertEquals(Instant.parse("2026-01-10T12:00:00.123Z"), Instant.parse(event.get("time").asText()));
        assertTrue(event.get("sequence").isTextual(), "extensions are strings, as the headers carry them");
        assertEquals("0000000000000000004", event.get("sequence").asText());
        assertEquals("apikey:6f1c2c1e", event.get("actor").asText());
        assertEquals("crm-sync", event.get("actorname").asText());
        assertEquals("SYSTEM", event.get("actorkind").asText());
        assertFalse(event.has("traceparent"), "a plain header, no CloudEvents attribute");
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertTrue(event.get("data").isObject(), "data is the JSON payload itself: " + event);
        assertEquals(MAPPER.readTree("{\"productId\":\"p-1\",\"name\":\"Tandem\",\"tags\":[\"a\"]}"),
                event.get("data"));
        assertFalse(event.has("data_base64"));
    }

    @Test
    void aJsonPayloadWithoutContentTypeIsJsonData() throws Exception {
        JsonNode event = json(record(headers("ce_specversion", "1.0", "ce_id", "e-2", "ce_source", "/s",
                "ce_type", "t.v1"), "[1,2]"));

        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(MAPPER.readTree("[1,2]"), event.get("data"));
    }

    @Test
    void aPayloadThatIsNoJsonIsSentAsItsBytes() throws Exception {
        JsonNode declaredJson = json(record(headers("ce_specversion", "1.0", "ce_id", "e-3", "ce_source", "/s",
                "ce_type", "t.v1", "content-type", "application/json"), "not json {"));
        assertEquals("application/json", declaredJson.get("datacontenttype").asText(), "as the record says");
        assertFalse(declaredJson.has("data"));
        assertEquals("not json {", decoded(declaredJson));

        JsonNode undeclared = json(record(headers("ce_specversion", "1.0", "ce_id", "e-4", "ce_source", "/s",
                "ce_type", "t.v1"), "{\"a\":1} trailing"));
        assertEquals("application/octet-stream", undeclared.get("datacontenttype").asText());
        assertEquals("{\"a\":1} trailing", decoded(undeclared));

        JsonNode text = json(record(headers("ce_specversion", "1.0", "ce_id", "e-5", "ce_source", "/s",
                "ce_type", "t.v1", "content-type", "text/plain"), "42"));
        assertEquals("text/plain", text.get("datacontenttype").asText());
        assertEquals("42", decoded(text), "a declared non-JSON type is kept, even when the bytes parse as JSON");
    }

    @Test
    void aRecordWithoutSpecVersionOrSourceIsReadAsTheWebhookFanOutReadsIt() throws Exception {
        JsonNode event = json(record(headers("ce_id", "e-6", "ce_type", "t.v1", "ce_subject", "p-6"), "{}"));

        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(TOPIC, event.get("source").asText());
        assertEquals("p-6", event.get("subject").asText());
        assertFalse(event.has("time"), "nothing made up beyond what the webhook fan-out assumes");
    }

    @Test
    void aRecordThatIsNoCloudEventIsLeftOut() {
        assertEquals(Optional.empty(), StructuredCloudEvent.of(record(headers("ce_type", "t.v1"), "{}"), MAPPER),
                "no id");
        assertEquals(Optional.empty(), StructuredCloudEvent.of(record(headers("ce_id", "e-7"), "{}"), MAPPER),
                "no type");
        assertEquals(Optional.empty(), StructuredCloudEvent.of(record(headers("ce_id", "e-8", "ce_type", "t.v1",
                "ce_time", "yesterday"), "{}"), MAPPER), "unreadable time");
        assertEquals(Optional.empty(), StructuredCloudEvent.of(record(headers("ce_specversion", "9.9",
                "ce_id", "e-9", "ce_type", "t.v1"), "{}"), MAPPER), "unknown spec version");
        assertEquals(Optional.empty(), StructuredCloudEvent.of(record(new Header[0], "{}"), MAPPER), "no headers");
    }

    @Test
    void aRecordWithoutPayloadHasNoData() throws Exception {
        JsonNode event = json(record(headers("ce_specversion", "1.0", "ce_id", "e-10", "ce_source", "/s",
                "ce_type", "t.v1"), null));

        assertEquals("e-10", event.get("id").asText());
        assertFalse(event.has("data"));
        assertFalse(event.has("data_base64"));
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) throws Exception {
        String event = StructuredCloudEvent.of(record, MAPPER).orElseThrow();
        return MAPPER.readTree(event);
    }

    private static String decoded(JsonNode event) {
        return new String(Base64.getDecoder().decode(event.get("data_base64").asText()), StandardCharsets.UTF_8);
    }

    private static Header[] headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers.toArray();
    }

    private static ConsumerRecord<String, byte[]> record(Header[] headers, String value) {
        return new ConsumerRecord<>(TOPIC, 0, 7L, 0L, TimestampType.CREATE_TIME, 0, 0, "p-1",
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(headers),
                Optional.empty());
    }
}
