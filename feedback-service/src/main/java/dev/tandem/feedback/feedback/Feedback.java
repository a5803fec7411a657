package dev.tandem.feedback.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.feedback.sentiment.Sentiment;
import dev.tandem.feedback.sentiment.SentimentAnalyzer;
import dev.tandem.feedback.sentiment.SentimentLabel;
import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.time.Now;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A piece of customer feedback from one channel, about one product, with its computed sentiment and its status.
 * The sentiment is computed from title and text whenever either is set.
 */
@Entity
@Table(name = "feedback")
public class Feedback extends AuthoredEntity {

    @Id
    UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    Source source;

    @Column(name = "external_reference", length = 200)
    String externalReference;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(nullable = false, length = 200)
    String title;

    @Column(nullable = false)
    String text;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> tags = new ArrayList<>();

    @Column(length = 200)
    String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    FeedbackStatus status;

    @Column(name = "sentiment_score", nullable = false, precision = 4, scale = 3)
    BigDecimal sentimentScore;

    @Column(name = "sentiment_label", nullable = false, length = 10)
    String sentimentLabel;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Feedback() {
    }

    public static Feedback create(Source source, String externalReference, UUID customerId, UUID productId,
                                  String title, String text, Instant receivedAt, List<String> tags, String owner,
                                  SentimentAnalyzer analyzer) {
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.source = source;
        f.externalReference = blankToNull(externalReference);
        f.customerId = customerId;
        f.productId = productId;
        f.title = title.strip();
        f.text = text.strip();
        f.createdAt = Now.instant();
        f.receivedAt = receivedAt == null ? f.createdAt : receivedAt.truncatedTo(ChronoUnit.MICROS);
        f.tags = normaliseTags(tags);
        f.owner = blankToNull(owner);
        f.status = FeedbackStatus.NEW;
        f.updatedAt = f.createdAt;
        f.computeSentiment(analyzer);
        return f;
    }

    /** Tags are trimmed, lower-cased and de-duplicated, in the order given. */
    static List<String> normaliseTags(List<String> tags) {
        if (tags == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private void computeSentiment(SentimentAnalyzer analyzer) {
        Sentiment s = analyzer.analyze(title + ". " + text);
        this.sentimentScore = BigDecimal.valueOf(s.score()).setScale(3, RoundingMode.HALF_UP);
        this.sentimentLabel = s.label().value();
    }

    /**
     * Triage: a partial update, null keeps a field (an empty owner clears it). Title or text changes recompute the
     * sentiment. Returns the names of the fields that changed.
     */
    public List<String> update(String title, String text, List<String> tags, String owner, UUID customerId,
                               UUID productId, Instant receivedAt, SentimentAnalyzer analyzer) {
        List<String> changed = new ArrayList<>();
        if (title != null && !title.strip().equals(this.title)) {
            this.title = title.strip();
            changed.add("title");
        }
        if (text != null && !text.strip().equals(this.text)) {
            this.text = text.strip();
            changed.add("text");
        }
        if (tags != null && !normaliseTags(tags).equals(this.tags)) {
            this.tags = normaliseTags(tags);
            changed.add("tags");
        }
        if (owner != null && !Objects.equals(blankToNull(owner), this.owner)) {
            this.owner = blankToNull(owner);
            changed.add("owner");
        }
        if (customerId != null && !customerId.equals(this.customerId)) {
            this.customerId = customerId;
            changed.add("customerId");
        }
        if (productId != null && !productId.equals(this.productId)) {
            this.productId = productId;
            changed.add("productId");
        }
        if (receivedAt != null && !receivedAt.truncatedTo(ChronoUnit.MICROS).equals(this.receivedAt)) {
            this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
            changed.add("receivedAt");
        }
        if (changed.contains("title") || changed.contains("text")) {
            computeSentiment(analyzer);
        }
        if (!changed.isEmpty()) {
            this.updatedAt = Now.instant();
        }
        return changed;
    }

    /**
     * Moves to {@code target} if the flow allows it; returns the previous status.
     *
     * @throws DomainException 409 naming the allowed next statuses when it does not
     */
    public FeedbackStatus moveTo(FeedbackStatus target) {
        if (!status.canMoveTo(target)) {
            String allowed = status.allowedNext().isEmpty() ? "none (" + status + " is final)"
                    : status.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.conflict("feedback cannot move from " + status + " to " + target
                    + "; allowed: " + allowed, new FieldIssue("status", "allowed: " + allowed));
        }
        FeedbackStatus from = status;
        status = target;
        updatedAt = Now.instant();
        return from;
    }

    /**
     * Records that the item's links changed: bumps its version (the links are part of it) and applies
     * {@code newStatus} when it differs. Returns the previous status when it changed, else null.
     */
    FeedbackStatus linksChanged(FeedbackStatus newStatus) {
        updatedAt = Now.instant();
        if (newStatus == status) {
            return null;
        }
        FeedbackStatus from = status;
        status = newStatus;
        return from;
    }

    /** A feature it is linked to was released: see {@link FeedbackStatus#afterRelease()}. Returns the previous status when it changed. */
    FeedbackStatus featureReleased() {
        FeedbackStatus target = status.afterRelease();
        if (target == status) {
            return null;
        }
        FeedbackStatus from = status;
        status = target;
        updatedAt = Now.instant();
        return from;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A customer's vote for a feature ({@link VoteResource}): IN_APP with a {@code vote:} external reference. */
    boolean isVote() {
        return source == Source.IN_APP && externalReference != null
                && externalReference.startsWith(VoteResource.REFERENCE_PREFIX);
    }

    public static Feedback bySourceAndReference(Source source, String externalReference) {
        if (externalReference == null || externalReference.isBlank()) {
            return null;
        }
        return find("source = ?1 and externalReference = ?2", source, externalReference.strip()).firstResult();
    }

    public UUID id() {
        return id;
    }

    public Source source() {
        return source;
    }

    public String externalReference() {
        return externalReference;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID productId() {
        return productId;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public String owner() {
        return owner;
    }

    public FeedbackStatus status() {
        return status;
    }

    public Sentiment sentiment() {
        return new Sentiment(sentimentScore.doubleValue(), SentimentLabel.parse(sentimentLabel));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
