package dev.tandem.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an event consumer is held up by a transient failure (its database unreachable, its dead-letter
 * topic unwritable): it is waiting, not losing events, and says so on {@code /q/health/ready} with the topic, since
 * when, the attempts so far and the last error.
 */
@Readiness
@ApplicationScoped
public class InboxReadiness implements HealthCheck {

    @Inject
    Inbox inbox;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers");
        var waiting = inbox.waiting();
        if (waiting.isEmpty()) {
            return response.up().build();
        }
        response.down();
        for (Inbox.Waiting w : waiting) {
            response.withData(w.topic(), "waiting since " + w.since() + " (" + w.attempts() + " attempts): "
                    + w.lastError());
        }
        return response.build();
    }
}
