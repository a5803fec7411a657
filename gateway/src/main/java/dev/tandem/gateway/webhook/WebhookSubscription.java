package dev.tandem.gateway.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.tandem.platform.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A webhook subscription: where to send which events, and the secret that signs them. ENABLED receives events;
 * PAUSED (set by its owner) and DISABLED (set by the gateway after persistent failure, with a reason) receive none
 * and have nothing sent, until set ENABLED again. Its secret is kept sealed ({@link SecretBox}); the previous secret
 * still signs until {@code previousSecretExpiresAt} after a rotation.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Schema(name = "WebhookStatus", description = "ENABLED: events are delivered. PAUSED: set by you; nothing is "
            + "queued or sent. DISABLED: set by the gateway after persistent failure (see disabledReason); nothing "
            + "is queued or sent until you set it ENABLED again.")
    public enum Status { ENABLED, PAUSED, DISABLED }

    @Id
    private UUID id;

    @Column(name = "url", nullable = false)
    private String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    private String[] eventTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subjects", nullable = false, columnDefinition = "text[]")
    private String[] subjects;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "secret", nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "consecutive_given_up", nullable = false)
    private int consecutiveGivenUp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookSubscription() {
    }

    static WebhookSubscription create(String url, List<String> eventTypes, List<String> subjects, String description,
            Status status, String sealedSecret, String createdBy, UUID id, Instant now) {
        WebhookSubscription s = new WebhookSubscription();
        s.id = id;
        s.url = url;
        s.eventTypes = distinct(eventTypes);
        s.subjects = distinct(subjects);
        s.description = blankToNull(description);
        s.status = status == null ? Status.ENABLED : status;
        s.secret = sealedSecret;
        s.createdBy = createdBy;
        s.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        s.updatedAt = s.createdAt;
        return s;
    }

    void changeUrl(String url, Instant now) {
        this.url = url;
        touched(now);
    }

    void changeEventTypes(List<String> eventTypes, Instant now) {
        this.eventTypes = distinct(eventTypes);
        touched(now);
    }

    void changeSubjects(List<String> subjects, Instant now) {
        this.subjects = distinct(subjects);
        touched(now);
    }

    void changeDescription(String description, Instant now) {
        this.description = blankToNull(description);
        touched(now);
    }

    /**
     * Its owner sets ENABLED or PAUSED (DISABLED is the gateway's). Enabling starts afresh: the reason it was disabled
     * and the failure streak are forgotten.
     */
    void changeStatus(Status to, Instant now) {
        if (to == Status.DISABLED) {
            throw new IllegalArgumentException("DISABLED is set by the gateway only");
        }
        if (to == Status.ENABLED && status != Status.ENABLED) {
            disabledReason = null;
            disabledAt = null;
            failingSince = null;
            consecutiveGivenUp = 0;
        }
        status = to;
        touched(now);
    }

    /** A new current secret; the current one keeps signing until {@code previousUntil}. */
    void rotate(String sealedSecret, Instant previousUntil, Instant now) {
        previousSecret = secret;
        previousSecretExpiresAt = previousUntil;
        secret = sealedSecret;
        secretRotatedAt = now;
        touched(now);
    }

    private void touched(Instant now) {
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : values.stream().map(String::strip).distinct().toArray(String[]::new);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Oldest first, keyset-paged on (createdAt, id). */
    static List<WebhookSubscription> page(Cursor after, int fetchSize) {
        if (after == null) {
            return find("order by createdAt, id").page(0, fetchSize).list();
        }
        return find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id", after.instant(0),
                after.uuid(1)).page(0, fetchSize).list();
    }

    Cursor cursor() {
        return Cursor.of(createdAt, id);
    }

    EventFilter filter() {
        return new EventFilter(eventTypes(), Set.copyOf(subjects()));
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes);
    }

    public List<String> subjects() {
        return Arrays.asList(subjects);
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    String sealedSecret() {
        return secret;
    }

    String sealedPreviousSecret() {
        return previousSecret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
