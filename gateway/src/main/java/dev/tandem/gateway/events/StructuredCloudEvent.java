package dev.tandem.gateway.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Kafka record in the CloudEvents binary binding turned into one CloudEvent in structured JSON ({@code specversion},
 * {@code id}, {@code source}, {@code type}, {@code subject}, {@code time}, {@code sequence}, the actor extensions
 * {@code actor}, {@code actorname}, {@code actorkind} when the event has them, {@code datacontenttype}, {@code data}):
 * what the event stream and the webhooks send. A payload that is not JSON is sent as a string.
 */
public final class StructuredCloudEvent {

    private static final String[] ATTRIBUTES = {"id", "source", "type", "subject", "time", "sequence", "actor",
            "actorname", "actorkind"};

    private StructuredCloudEvent() {
    }

    public static String of(ConsumerRecord<?, byte[]> record, ObjectMapper mapper) {
        ObjectNode event = mapper.createObjectNode();
        String specVersion = header(record.headers(), "ce_specversion");
        event.put("specversion", specVersion == null ? "1.0" : specVersion);
        for (String name : ATTRIBUTES) {
            String value = header(record.headers(), "ce_" + name);
            if (value != null) {
                event.put(name, value);
            }
        }
        event.put("datacontenttype", "application/json");
        try {
            event.set("data", mapper.readTree(record.value()));
        } catch (java.io.IOException | RuntimeException e) {
            event.put("data", record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
        }
        return event.toString();
    }

    /** A header's value as UTF-8 text; null when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
