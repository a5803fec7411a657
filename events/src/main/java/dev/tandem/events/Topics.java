package dev.tandem.events;

/** The Kafka topics Tandem publishes to: one per service, record key = aggregate id. */
public final class Topics {

    public static final String PRODUCT = "tandem.product.events";
    public static final String PROJECT = "tandem.project.events";
    public static final String FEEDBACK = "tandem.feedback.events";

    /** Where a consumer puts records it could not process: {@code <topic>.dlq}. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
