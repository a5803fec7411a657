package dev.tandem.gateway.webhook;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.web.Versions;
import io.quarkus.runtime.StartupEvent;

/**
 * Webhook subscriptions: their rules (a reachable, allowed URL; known event types; ENABLED or PAUSED set by their
 * owner), their secrets (made here, sealed at rest, shown once) and their delivery log.
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class);

    /** A new subscription and its secret, which exists in clear only in this answer. */
    record Created(WebhookSubscription subscription, String secret) {
    }

    /** A rotated secret, and the subscription's version after it. */
    record Rotated(RotatedSecretView view, long version) {
    }

    private final GatewayConfig.WebhooksConfig config;
    private final WebhookTargets targets;
    private final SecretBox secrets;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public Webhooks(GatewayConfig config, WebhookDeliveries deliveries, Clock clock) {
        this.clock = clock;
        this.config = config.webhooks();
        this.targets = new WebhookTargets(this.config);
        this.secrets = new SecretBox(this.config.secretEncryptionKey());
        this.deliveries = deliveries;
    }

    void warnWithoutEncryption(@Observes StartupEvent event) {
        if (!secrets.encrypts()) {
            LOG.warn("webhook signing secrets are stored unencrypted: set tandem.gateway.webhooks.secret-encryption-key "
                    + "(base64 of 32 random bytes) to encrypt them at rest");
        }
    }

    WebhookTargets targets() {
        return targets;
    }

    SecretBox secrets() {
        return secrets;
    }

    @Transactional
    Created create(CreateWebhookRequest request, String createdBy) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = checkUrl(request.url(), errors);
        checkTypes(request.eventTypes(), errors);
        checkStatus(request.status(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        WebhookSubscription subscription = WebhookSubscription.create(url, request.eventTypes(), request.subjects(),
                request.description(), request.status(), secrets.seal(secret, id.toString()), createdBy, id,
                clock.instant());
        subscription.persistAndFlush();
        return new Created(subscription, secret);
    }

    @Transactional
    Optional<WebhookSubscription> get(UUID id) {
        return WebhookSubscription.findByIdOptional(id);
    }

    @Transactional
    List<WebhookSubscription> page(Cursor after, int fetchSize) {
        return WebhookSubscription.page(after, fetchSize);
    }

    @Transactional
    WebhookSubscription update(UUID id, String ifMatch, UpdateWebhookRequest request) {
        WebhookSubscription subscription = find(id);
        Versions.requireIfMatch(ifMatch, subscription.version());
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? null : checkUrl(request.url(), errors);
        if (request.eventTypes() != null) {
            checkTypes(request.eventTypes(), errors);
        }
        checkStatus(request.status(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Instant now = clock.instant();
        if (url != null && !url.equals(subscription.url())) {
            subscription.changeUrl(url, now);
        }
        if (request.eventTypes() != null) {
            subscription.changeEventTypes(request.eventTypes(), now);
        }
        if (request.subjects() != null) {
            subscription.changeSubjects(request.subjects(), now);
        }
        if (request.description() != null) {
            subscription.changeDescription(request.description(), now);
        }
        if (request.status() != null && request.status() != subscription.status()) {
            subscription.changeStatus(request.status(), now);
        }
        WebhookSubscription.flush(); // bumps the version; a concurrent writer's commit is a 412
        return subscription;
    }

    /** Deletes the subscription with its delivery log; what is being sent right now is not recorded. */
    @Transactional
    void delete(UUID id, String ifMatch) {
        WebhookSubscription subscription = find(id);
        Versions.requireIfMatch(ifMatch, subscription.version());
        subscription.delete();
    }

    /** A new secret; the current one keeps signing (second signature) for {@code secret-rotation-overlap}. */
    @Transactional
    Rotated rotate(UUID id) {
        WebhookSubscription subscription = find(id);
        Instant now = clock.instant();
        String secret = WebhookSignatures.newSecret();
        Instant previousUntil = now.plus(config.secretRotationOverlap());
        subscription.rotate(secrets.seal(secret, id.toString()), previousUntil, now);
        WebhookSubscription.flush();
        return new Rotated(new RotatedSecretView(id, secret, previousUntil), subscription.version());
    }

    @Transactional
    List<WebhookDeliveries.Row> deliveries(UUID id, Long beforeSeq, WebhookDeliveries.State state, int fetchSize) {
        find(id);
        try {
            return deliveries.page(id, beforeSeq, state, fetchSize);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Optional<DeliveryView> delivery(UUID id, UUID deliveryId) {
        find(id);
        try {
            Optional<WebhookDeliveries.Row> row = deliveries.get(id, deliveryId);
            return row.isEmpty() ? Optional.empty()
                    : Optional.of(DeliveryView.of(row.get(), deliveries.attempts(deliveryId)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues a delivery again; empty when there is none. A delivery being sent right now is a 409. */
    @Transactional
    Optional<DeliveryView> redeliver(UUID id, UUID deliveryId) {
        find(id);
        try {
            Optional<WebhookDeliveries.State> before = deliveries.redeliver(id, deliveryId);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            if (before.get() == WebhookDeliveries.State.SENDING) {
                throw ProblemException.conflict("Delivery " + deliveryId + " is being sent right now; look at it "
                        + "again in a moment");
            }
            return deliveries.get(id, deliveryId).map(r -> DeliveryView.of(r, null));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebhookSubscription find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }

    /** The URL as it will be used, or null with the reason added to {@code errors}. */
    private String checkUrl(String url, List<Problem.FieldError> errors) {
        try {
            targets.resolve(url);
            return url.strip();
        } catch (WebhookTargets.Refused refused) {
            errors.add(new Problem.FieldError("url", refused.getMessage()));
            return null;
        }
    }

    private static void checkTypes(List<String> types, List<Problem.FieldError> errors) {
        for (int i = 0; i < types.size(); i++) {
            int index = i;
            EventFilter.problem(types.get(i))
                    .ifPresent(why -> errors.add(new Problem.FieldError("eventTypes[" + index + "]", why)));
        }
    }

    private static void checkStatus(WebhookSubscription.Status status, List<Problem.FieldError> errors) {
        if (status == WebhookSubscription.Status.DISABLED) {
            errors.add(new Problem.FieldError("status", "must be ENABLED or PAUSED (DISABLED is set by the gateway)"));
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (Problem.FieldError e : errors) {
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(e.field()).append(": ").append(e.message());
        }
        return ProblemException.badRequest(detail.toString(), errors.toArray(Problem.FieldError[]::new));
    }
}
