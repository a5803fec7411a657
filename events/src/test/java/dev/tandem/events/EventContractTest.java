package dev.tandem.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tandem.events.product.ProductCreated;
import org.junit.jupiter.api.Test;

/** The published contract is complete and consistent: code, JSON Schemas and AsyncAPI say the same thing. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    @Test
    void asyncApiListsExactlyTheEventTypesOfTheCode() throws IOException {
        JsonNode doc = asyncApi();
        Set<String> documented = new TreeSet<>();
        doc.path("components").path("messages").forEach(m -> documented.add(m.path("name").asText()));
        Set<String> inCode = new TreeSet<>();
        for (EventType t : EventType.values()) {
            inCode.add(t.type());
        }
        assertEquals(inCode, documented);
    }

    @Test
    void everyEventTypeIsOnADocumentedChannelOfItsTopic() throws IOException {
        JsonNode channels = asyncApi().path("channels");
        for (EventType t : EventType.values()) {
            boolean found = false;
            for (JsonNode channel : channels) {
                if (channel.path("address").asText().equals(t.topic())) {
                    for (JsonNode message : channel.path("messages")) {
                        String ref = message.path("$ref").asText();
                        JsonNode target = asyncApi().at(ref.substring(1));
                        found |= t.type().equals(target.path("name").asText());
                    }
                }
            }
            assertTrue(found, t.type() + " is not on a channel with address " + t.topic());
        }
        assertEquals(4, Set.of(Topics.PRODUCT, Topics.PROJECT, Topics.FEEDBACK, Topics.GATEWAY).size());
    }

    @Test
    void everyMessagePayloadPointsAtTheSchemaFileOfItsType() throws IOException {
        for (JsonNode message : asyncApi().path("components").path("messages")) {
            String type = message.path("name").asText();
            String ref = message.path("payload").path("schema").path("$ref").asText();
            assertEquals("./schemas/" + type + ".schema.json", ref, "payload $ref of " + type);
            assertNotNull(resource("dev/tandem/events/schemas/" + type + ".schema.json"), "schema file of " + type);
        }
    }

    @Test
    void schemaExamplesAreValid() throws IOException {
        for (EventType t : EventType.values()) {
            JsonNode schemaNode = JSON.readTree(resource(t.schemaResource()));
            JsonSchema schema = SCHEMAS.getSchema(schemaNode);
            JsonNode examples = schemaNode.path("examples");
            assertFalse(examples.isEmpty(), t.type() + " schema has no example");
            for (JsonNode example : examples) {
                assertEquals(Set.of(), schema.validate(example), t.type() + " example");
            }
        }
    }

    @Test
    void productCreatedAsSerialisedMatchesItsSchema() throws IOException {
        ProductCreated event = new ProductCreated(UUID.randomUUID(), "CHK", "Checkout", null, List.of("SMB"),
                "CONCEPT", null, Instant.parse("2026-11-22T09:15:00Z"), 0);
        JsonNode json = JSON.valueToTree(event);
        Set<ValidationMessage> errors = schemaOf(EventType.PRODUCT_CREATED).validate(json);
        assertEquals(Set.of(), errors);
    }

    @Test
    void schemaRejectsAPayloadMissingRequiredFields() throws IOException {
        JsonNode json = JSON.readTree("{\"productId\":\"" + UUID.randomUUID() + "\",\"lifecycleStage\":\"SOLD\"}");
        Set<ValidationMessage> errors = schemaOf(EventType.PRODUCT_CREATED).validate(json);
        Set<String> text = new HashSet<>();
        errors.forEach(e -> text.add(e.getMessage()));
        assertTrue(text.stream().anyMatch(m -> m.contains("key")), text.toString());
        assertTrue(text.stream().anyMatch(m -> m.contains("lifecycleStage")), text.toString());
    }

    @Test
    void payloadsTolerateUnknownFields() throws IOException {
        String json = "{\"productId\":\"" + UUID.randomUUID() + "\",\"key\":\"CHK\",\"name\":\"Checkout\","
                + "\"targetSegments\":[],\"lifecycleStage\":\"CONCEPT\",\"createdAt\":\"2026-11-22T09:15:00Z\","
                + "\"version\":0,\"addedInALaterRelease\":true}";
        assertEquals("CHK", JSON.readValue(json, ProductCreated.class).key());
    }

    private static JsonSchema schemaOf(EventType type) throws IOException {
        return SCHEMAS.getSchema(JSON.readTree(resource(type.schemaResource())));
    }

    private static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(resource("dev/tandem/events/asyncapi.yaml"));
    }

    private static InputStream resource(String path) {
        return EventContractTest.class.getClassLoader().getResourceAsStream(path);
    }
}
