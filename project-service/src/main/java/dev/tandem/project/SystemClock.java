package dev.tandem.project;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * "Now" and "today" of the service (UTC). A bean, so that tests can replace it with a clock they set: overdue
 * milestones, planned value and the schedule's anchor all depend on today.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
