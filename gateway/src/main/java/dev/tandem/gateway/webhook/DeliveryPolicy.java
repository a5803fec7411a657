package dev.tandem.gateway.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import dev.tandem.gateway.config.GatewayConfig;

/**
 * When a failed delivery is tried again, when it is given up, and when a subscription is disabled. Pure.
 *
 * <ul>
 * <li>Back-off: {@code initial-backoff} after the first failed attempt, doubling after each further one up to
 * {@code max-backoff}, each wait randomly up to {@code jitter} shorter or longer (so receivers that come back are
 * not hit by every delivery at the same moment).</li>
 * <li>A delivery is tried until {@code give-up-after} has passed since it was queued: the last wait is shortened so
 * that one attempt falls on that moment; when it fails too, the delivery is given up (FAILED).</li>
 * <li>A subscription is disabled when every attempt has failed for {@code disable.after-failing-for}, or when
 * {@code disable.after-given-up} events in a row were given up.</li>
 * </ul>
 */
final class DeliveryPolicy {

    /** Why a subscription is disabled: which rule, and a sentence for people. */
    record Disable(String trigger, String reason) {
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration giveUpAfter;
    private final Duration disableAfterFailingFor;
    private final int disableAfterGivenUp;
    private final DoubleSupplier random;

    DeliveryPolicy(GatewayConfig.WebhooksConfig config) {
        this(config.retry().initialBackoff(), config.retry().maxBackoff(), config.retry().jitter(),
                config.retry().giveUpAfter(), config.disable().afterFailingFor(), config.disable().afterGivenUp(),
                Math::random);
    }

    DeliveryPolicy(Duration initialBackoff, Duration maxBackoff, double jitter, Duration giveUpAfter,
            Duration disableAfterFailingFor, int disableAfterGivenUp, DoubleSupplier random) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = Math.max(0, Math.min(1, jitter));
        this.giveUpAfter = giveUpAfter;
        this.disableAfterFailingFor = disableAfterFailingFor;
        this.disableAfterGivenUp = disableAfterGivenUp;
        this.random = random;
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first), jitter applied. */
    Duration backoff(int failedAttempts) {
        long base = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        for (int i = 1; i < failedAttempts && base < max; i++) {
            base *= 2;
        }
        base = Math.min(base, max);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }

    /**
     * When to try again after a failed attempt, or empty when the delivery is given up (its time since
     * {@code queuedAt} is used up).
     */
    Optional<Instant> nextAttempt(Instant queuedAt, int failedAttempts, Instant now) {
        Instant deadline = queuedAt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant next = now.plus(backoff(failedAttempts));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }

    /** Whether the failure streak disables the subscription, and why. */
    Optional<Disable> disable(Instant failingSince, int consecutiveGivenUp, Instant now) {
        if (disableAfterGivenUp > 0 && consecutiveGivenUp >= disableAfterGivenUp) {
            return Optional.of(new Disable("GIVEN_UP", consecutiveGivenUp + " events in a row were given up after "
                    + "every retry (" + human(giveUpAfter) + " each)"));
        }
        if (failingSince != null && !now.isBefore(failingSince.plus(disableAfterFailingFor))) {
            return Optional.of(new Disable("FAILING_FOR", "every attempt failed for " + human(disableAfterFailingFor)
                    + " (since " + failingSince + ")"));
        }
        return Optional.empty();
    }

    /** {@code 5 days}, {@code 24 hours}, {@code 90 seconds}, {@code 1500 ms}. */
    static String human(Duration d) {
        if (d.toMillis() % 86_400_000 == 0 && d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMillis() % 3_600_000 == 0 && d.toHours() > 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + (d.toSeconds() == 1 ? " second" : " seconds");
        }
        return d.toMillis() + " ms";
    }
}
