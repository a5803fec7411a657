package dev.tandem.events;

/** The Kafka topics Tandem publishes to: one per service (the gateway included), record key = aggregate id. */
public final class Topics {

    public static final String PRODUCT = "tandem.product.events";
    public static final String PROJECT = "tandem.project.events";
    public static final String FEEDBACK = "tandem.feedback.events";
    /** The gateway's own events (webhook subscriptions it disabled); aggregate = the webhook subscription. */
    public static final String GATEWAY = "tandem.gateway.events";

    /**
     * Where one consumer group puts the records of {@code topic} it could not process:
     * {@code <topic>.<group>.dlq}, one per consuming service, so that a dead letter says whose consumer failed and
     * can be replayed to that consumer alone.
     */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }

    private Topics() {
    }
}
