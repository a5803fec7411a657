package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.feedback.sentiment.Sentiment;
import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feedback item as the API shows it. */
@Schema(name = "Feedback")
public record FeedbackView(
        @Schema(example = "8e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b") UUID id,
        @Schema(example = "SUPPORT") Source source,
        @Schema(description = "Its id in the source channel; unique per source.", example = "ZD-48213") String externalReference,
        UUID customerId,
        UUID productId,
        @Schema(example = "Checkout is slow") String title,
        @Schema(example = "The checkout page is very slow and we lose customers.") String text,
        Instant receivedAt,
        @Schema(example = "[\"performance\", \"checkout\"]") List<String> tags,
        @Schema(description = "The team member accountable for it.", example = "ana.pm@example.com") String owner,
        @Schema(example = "NEW") FeedbackStatus status,
        @Schema(description = "Computed from title and text: score −1…1, label negative (≤ −0.1) / neutral / positive (≥ 0.1).")
        SentimentView sentiment,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated, or feedback-service itself. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or feedback-service itself for a change made on another service's event.")
        Actor updatedBy,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", example = "0") long version) {

    @Schema(name = "Sentiment")
    public record SentimentView(@Schema(example = "-0.62") double score,
                                @Schema(example = "negative", enumeration = {"negative", "neutral", "positive"}) String label) {
    }

    static FeedbackView of(Feedback f) {
        Sentiment s = f.sentiment();
        return new FeedbackView(f.id(), f.source(), f.externalReference(), f.customerId(), f.productId(), f.title(),
                f.text(), f.receivedAt(), f.tags(), f.owner(), f.status(),
                new SentimentView(s.score(), s.label().value()), f.createdAt(), f.updatedAt(), f.createdBy(), f.updatedBy(),
                f.version());
    }
}
