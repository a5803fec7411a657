package dev.tandem.product.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.tandem.events.feedback.FeedbackLinked;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Two transactions link feedback to the same feature at the same time, as two instances of product-service consuming
 * different partitions do: the feature's demand counts both links, whichever commits last.
 */
@QuarkusTest
class DemandRaceTest {

    @Inject
    FeedbackReplicas replicas;

    @Inject
    EntityManager em;

    @Test
    void twoLinksAppliedConcurrentlyAreBothCounted() throws Exception {
        UUID feature = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the first transaction links, recomputes the demand, and waits before committing
            Future<?> first = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                replicas.linked(link(feature, product));
                firstApplied.countDown();
                await(commitFirst);
            }));
            assertTrue(firstApplied.await(30, TimeUnit.SECONDS), "the first link was applied");
            // the second links the same feature while the first is still open
            Future<?> second = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .run(() -> replicas.linked(link(feature, product))));
            Thread.sleep(1_000);
            commitFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        Number counted = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT feedback_count FROM feature_demand WHERE feature_id = ?1").setParameter(1, feature)
                .getSingleResult());
        assertEquals(2, counted.intValue(), "both links counted");
    }

    private static FeedbackLinked link(UUID feature, UUID product) {
        return new FeedbackLinked(UUID.randomUUID(), feature, product, UUID.randomUUID(), "IMPORTANT", null, null,
                "apikey:test", null, Instant.now(), 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
