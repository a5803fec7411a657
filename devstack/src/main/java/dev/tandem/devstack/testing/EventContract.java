package dev.tandem.devstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tandem.events.EventHeaders;
import dev.tandem.events.EventType;

/**
 * The published event contract, as {@link KafkaEvents#checkingContract()} checks one event against it. Its own
 * class so that a test that never checks (the platform's, the gateway's) needs no JSON Schema validator.
 */
final class EventContract {

    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    static void check(KafkaEvents.Event e) {
        String where = e.topic() + "/" + e.partition() + "@" + e.offset() + " (key " + e.key() + ")";
        expect("1.0", e.specVersion(), where + " specversion");
        EventType type = EventType.of(e.type())
                .orElseThrow(() -> new AssertionError(where + ": undocumented event type " + e.type()));
        expect(type.topic(), e.topic(), where + ": " + type.type() + " on the wrong topic");
        require(e.id(), where + " id");
        require(e.source(), where + " source");
        expect(e.key(), e.subject(), where + ": the subject is the record key (the aggregate id)");
        require(e.time(), where + " time");
        try {
            Instant.parse(e.time());
        } catch (DateTimeParseException x) {
            throw new AssertionError(where + " time " + e.time());
        }
        if (e.sequence() < 1) {
            throw new AssertionError(where + ": sequence " + e.header(EventHeaders.SEQUENCE));
        }
        expect("application/json", e.contentType(), where + " content type");
        if (e.traceparent() != null && !e.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
            throw new AssertionError(where + " traceparent " + e.traceparent());
        }
        if (e.payload() == null) {
            throw new AssertionError(where + ": the data is not JSON: " + e.text());
        }
        Set<ValidationMessage> errors = schema(type).validate(e.payload());
        if (!errors.isEmpty()) {
            throw new AssertionError(where + ": " + type.type() + " breaks its schema " + errors + ": " + e.payload());
        }
    }

    private static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(t.schemaResource())) {
                if (in == null) {
                    throw new AssertionError("no schema " + t.schemaResource() + " on the classpath");
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            } catch (IOException x) {
                throw new AssertionError(x);
            }
        });
    }

    private static void expect(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new AssertionError(what + " missing");
        }
    }
}
