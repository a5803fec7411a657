package dev.tandem.gateway.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.events.EventHeaders;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/**
 * A Kafka record in the CloudEvents binary binding turned into one CloudEvent 1.0 in structured JSON, with the
 * CloudEvents SDK: {@code cloudevents-kafka} reads the record (the {@code ce_*} headers as attributes and extensions,
 * {@code content-type} as {@code datacontenttype}, the value as data), {@code cloudevents-json-jackson}'s
 * {@link JsonFormat} writes it. What the event stream and the webhooks send: {@code specversion}, {@code id},
 * {@code source}, {@code type}, {@code subject}, {@code time}, {@code datacontenttype}, the extensions
 * ({@code sequence}, and {@code actor}, {@code actorname}, {@code actorkind} when the event has them; strings, as
 * the headers carry them) and the data.
 * <p>
 * A JSON payload (a JSON {@code content-type}, or none) is {@code data}, a JSON value, with {@code datacontenttype}
 * {@code application/json} unless the record names another JSON type. Any other payload is sent as it is, as
 * {@code data_base64}: one of another declared type, and one that does not parse as JSON (then typed
 * {@code application/octet-stream} when the record declares no type).
 * <p>
 * The gateway shows the topics as they are, so it reads records the way the webhook fan-out does
 * ({@code webhook.WebhookFanOut.Event}): a record without {@code ce_specversion} is read as 1.0, one without
 * {@code ce_source} gets its topic as {@code source}. A record that still is no CloudEvent (no {@code ce_id} or
 * {@code ce_type}, an unreadable attribute such as {@code ce_time}) is logged and left out, never sent half-made.
 */
public final class StructuredCloudEvent {

    private static final Logger LOG = Logger.getLogger(StructuredCloudEvent.class);

    /** Data parsed as JSON is embedded as {@code data}; any bytes left as they are go as {@code data_base64}. */
    private static final JsonFormat FORMAT = new JsonFormat().withForceJsonDataToBase64();
    /** The JSON media types, as {@link JsonFormat} recognises them. */
    private static final Pattern JSON_TYPE = Pattern.compile("^(application|text)/([a-z]+\\+)?json(;.*)*$",
            Pattern.CASE_INSENSITIVE);
    private static final String JSON = "application/json";
    private static final String BYTES = "application/octet-stream";

    private StructuredCloudEvent() {
    }

    /**
     * The record as structured CloudEvent JSON; empty (and logged) when it is no CloudEvent.
     *
     * @param mapper reads a JSON payload, which is then embedded as a JSON value
     */
    public static Optional<String> of(ConsumerRecord<?, byte[]> record, ObjectMapper mapper) {
        try {
            CloudEvent read = KafkaMessageFactory.createReader(withDefaults(record), record.value()).toEvent();
            CloudEventBuilder event = CloudEventBuilder.v1(read);
            String type = read.getDataContentType();
            JsonNode json = read.getData() != null && (type == null || JSON_TYPE.matcher(type).matches())
                    ? json(read.getData().toBytes(), mapper) : null;
            if (json != null) {
                event.withData(type == null ? JSON : type, JsonCloudEventData.wrap(json));
            } else if (read.getData() != null && type == null) {
                event.withDataContentType(BYTES);
            }
            return Optional.of(new String(FORMAT.serialize(event.build()), StandardCharsets.UTF_8));
        } catch (CloudEventRWException | EventDeserializationException | IllegalStateException e) {
            // what the SDK throws on a record it cannot read as a CloudEvent
            LOG.warnf("record %s-%d@%d is no CloudEvent, not sent: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A header's value as UTF-8 text; null when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record's headers with a value, plus {@code ce_specversion} and {@code ce_source} when it lacks them. */
    private static Headers withDefaults(ConsumerRecord<?, byte[]> record) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.add(header);
            }
        }
        if (header(headers, EventHeaders.SPEC_VERSION) == null) {
            headers.add(EventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        }
        if (header(headers, EventHeaders.SOURCE) == null) {
            headers.add(EventHeaders.SOURCE, record.topic().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The payload as a JSON value; null when it is not exactly one. */
    private static JsonNode json(byte[] payload, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(payload);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }
}
