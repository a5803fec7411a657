package dev.tandem.devstack.stack;

import java.time.Duration;

/**
 * Progress of a {@link Stack}, for whoever wants to show it (the devstack prints it; system tests usually
 * don't). All methods do nothing by default. Called from the thread that starts or stops the stack, except
 * {@link #serviceExited} which comes from a process-watching thread.
 */
public interface StackListener {

    /** Silence. */
    StackListener NONE = new StackListener() {
    };

    /** PostgreSQL or Kafka is being started; {@code what} describes it, e.g. {@code PostgreSQL on port 5432}. */
    default void infraStarting(String what) {
    }

    default void infraReady(String what, Duration took) {
    }

    /** The service's JVM was launched; readiness is being polled now. */
    default void serviceStarting(Instance instance, long pid) {
    }

    default void serviceReady(Instance instance, Duration took) {
    }

    /** Called every 15 s or so while services are still not ready. */
    default void stillWaiting(Iterable<Instance> notReady, Duration elapsed) {
    }

    /** Every service is ready; {@code took} counts from the start of {@link Stack#start()}. */
    default void allReady(StackEndpoints endpoints, Duration took) {
    }

    /** A service that was ready exited while the stack was not being stopped (and is not supervised). */
    default void serviceExited(Instance instance, int exitCode) {
    }

    /** A supervised service exited; it is started again after {@code delay}. */
    default void serviceRestarting(Instance instance, int exitCode, Duration delay) {
    }

    /** A supervised service was started again and is ready ({@code took} since its relaunch). */
    default void serviceRestarted(Instance instance, long pid, Duration took) {
    }

    /** Something is being stopped, e.g. {@code product-service (pid 1234)} or {@code Kafka}. */
    default void stopping(String what) {
    }

    /** A service did not stop within the stop timeout and was killed. */
    default void killed(String what) {
    }

    default void stopped(Duration took) {
    }
}
