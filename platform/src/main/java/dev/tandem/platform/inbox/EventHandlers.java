package dev.tandem.platform.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.platform.events.EventEnvelope;

/**
 * What a consumer does with each event type it understands; any other type is skipped by the {@link Inbox}.
 *
 * <pre>{@code
 * EventHandlers handlers = EventHandlers.builder()
 *         .on("dev.tandem.product.created.v1", ProductCreated.class, (envelope, event) -> replica.upsert(event))
 *         .build();
 * }</pre>
 */
public final class EventHandlers {

    /** Handles one decoded event inside the inbox's transaction. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(EventEnvelope envelope, T payload) throws Exception;
    }

    /**
     * Handles a run of consecutive events inside the inbox's transaction, in their order: for writes that are far
     * cheaper as one statement than as one per event (replica upserts during a bulk import upstream).
     */
    @FunctionalInterface
    public interface RunHandler<T> {
        void handleAll(List<T> payloads) throws Exception;
    }

    /** A type's handler: per event ({@code handler}) or per run of consecutive events ({@code runHandler}). */
    record Registration<T>(Class<T> payloadType, Handler<T> handler, RunHandler<T> runHandler) {
        void invoke(EventEnvelope envelope, Object payload) throws Exception {
            handler.handle(envelope, payloadType.cast(payload));
        }

        boolean perRun() {
            return runHandler != null;
        }

        void invokeAll(List<Object> payloads) throws Exception {
            List<T> typed = new ArrayList<>(payloads.size());
            payloads.forEach(p -> typed.add(payloadType.cast(p)));
            runHandler.handleAll(typed);
        }
    }

    private final Map<String, Registration<?>> byType;

    private EventHandlers(Map<String, Registration<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    Registration<?> find(String type) {
        return byType.get(type);
    }

    public Set<String> types() {
        return byType.keySet();
    }

    public static final class Builder {
        private final Map<String, Registration<?>> byType = new HashMap<>();

        public <T> Builder on(String eventType, Class<T> payloadType, Handler<T> handler) {
            return register(eventType, new Registration<>(payloadType, handler, null));
        }

        /**
         * Handles each run of consecutive events of this type within a batch in one call, in order. Events of other
         * types before and after the run are handled before and after it, so the order of effects is the events'
         * order. A run is applied in the batch's transaction like any event; were the batch to fail, its events are
         * applied one by one, each as a run of one.
         */
        public <T> Builder onRuns(String eventType, Class<T> payloadType, RunHandler<T> handler) {
            return register(eventType, new Registration<>(payloadType, null, handler));
        }

        private Builder register(String eventType, Registration<?> registration) {
            if (byType.putIfAbsent(eventType, registration) != null) {
                throw new IllegalArgumentException("two handlers for " + eventType);
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
