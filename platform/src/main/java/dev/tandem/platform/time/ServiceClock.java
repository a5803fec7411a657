package dev.tandem.platform.time;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's {@link Clock} bean, UTC: the system clock, unless a test declares a bean of its own (a {@code Clock}
 * it can set), which then replaces this default. Handed to {@link Now} before any other start-up work, so every
 * "now" of the service comes from it.
 */
@Singleton
public class ServiceClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    void handOver(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started, Clock clock) {
        Now.use(clock);
    }
}
