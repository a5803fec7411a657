package dev.tandem.platform.inbox;

import java.util.HashMap;
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

    record Registration<T>(Class<T> payloadType, Handler<T> handler) {
        void invoke(EventEnvelope envelope, Object payload) throws Exception {
            handler.handle(envelope, payloadType.cast(payload));
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
            if (byType.putIfAbsent(eventType, new Registration<>(payloadType, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + eventType);
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
