package dev.tandem.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.web.RequestContext;

/**
 * Records a domain event in the caller's transaction. The event is published by the {@link OutboxRelay} only if,
 * and right after, that transaction commits: a rolled-back change announces nothing, a committed one is never lost.
 */
@ApplicationScoped
public class Outbox {

    private static final String NEXT_SEQUENCE = """
            INSERT INTO outbox_aggregate_sequence (aggregate_type, aggregate_id, last_sequence)
            VALUES (?1, ?2, 1)
            ON CONFLICT (aggregate_type, aggregate_id)
            DO UPDATE SET last_sequence = outbox_aggregate_sequence.last_sequence + 1
            RETURNING last_sequence""";

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, sequence, event_type, payload,
                                      traceparent, occurred_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    RequestContext requestContext;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Writes one event row.
     *
     * @param topic         Kafka topic, e.g. {@code tandem.product.events}
     * @param aggregateType e.g. {@code product}; with the id it scopes the per-aggregate sequence
     * @param aggregateId   the record key and the CloudEvents subject
     * @param eventType     CloudEvents type, e.g. {@code dev.tandem.product.created.v1}
     * @param payload       serialised as JSON with the service's ObjectMapper
     * @return the event's CloudEvents id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, Object aggregateId, String eventType, Object payload) {
        String id = String.valueOf(aggregateId);
        long sequence = ((Number) em.createNativeQuery(NEXT_SEQUENCE)
                .setParameter(1, aggregateType)
                .setParameter(2, id)
                .getSingleResult()).longValue();
        UUID eventId = UUID.randomUUID();
        em.createNativeQuery(INSERT)
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, id)
                .setParameter(5, sequence)
                .setParameter(6, eventType)
                .setParameter(7, toJson(payload))
                .setParameter(8, requestContext.traceparent())
                .setParameter(9, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }
}
