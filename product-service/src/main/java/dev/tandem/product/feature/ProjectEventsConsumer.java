package dev.tandem.product.feature;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.EventType;
import dev.tandem.events.project.ProjectHealthChanged;
import dev.tandem.events.project.ProjectStatusChanged;
import dev.tandem.platform.inbox.EventHandlers;
import dev.tandem.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads tandem.project.events through the inbox: project status and health move and flag the features. */
@ApplicationScoped
public class ProjectEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ProjectDelivery delivery;

    private EventHandlers handlers;

    @PostConstruct
    void init() {
        handlers = EventHandlers.builder()
                .on(EventType.PROJECT_STATUS_CHANGED.type(), ProjectStatusChanged.class,
                        (envelope, e) -> delivery.statusChanged(e))
                .on(EventType.PROJECT_HEALTH_CHANGED.type(), ProjectHealthChanged.class, (envelope, e) -> delivery.healthChanged(e))
                .build();
    }

    @Incoming("project-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.process(batch, handlers);
    }
}
