package dev.tandem.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.tandem.events.product.ProductCreated;

/**
 * Every event type Tandem publishes: its CloudEvents {@code type}, topic, aggregate and payload record. The
 * AsyncAPI document and the JSON Schemas under {@code dev/tandem/events/schemas/} are checked against this list by
 * the module's tests, so code and contract cannot drift apart.
 */
public enum EventType {

    PRODUCT_CREATED("dev.tandem.product.created.v1", Topics.PRODUCT, "product", ProductCreated.class,
            "A product was created.");

    private final String type;
    private final String topic;
    private final String aggregateType;
    private final Class<?> payloadType;
    private final String description;

    EventType(String type, String topic, String aggregateType, Class<?> payloadType, String description) {
        this.type = type;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.payloadType = payloadType;
        this.description = description;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.tandem.product.created.v1}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** The kind of aggregate whose id is the record key and the CloudEvents {@code subject}. */
    public String aggregateType() {
        return aggregateType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public String description() {
        return description;
    }

    /** Classpath resource of the payload's JSON Schema. */
    public String schemaResource() {
        return "dev/tandem/events/schemas/" + type + ".schema.json";
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
    }
}
