package dev.tandem.feedback.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.feedback.catalog.CatalogFeature;
import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feedback item's link to a feature, as the API shows it. */
@Schema(name = "FeedbackLink")
public record LinkView(
        UUID feedbackId,
        @Schema(example = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID featureId,
        @Schema(description = "The feature's title in the catalog.", example = "One-click checkout") String featureTitle,
        @Schema(description = "The feature's status in the catalog.", example = "PLANNED") String featureStatus,
        UUID productId,
        @Schema(example = "CRITICAL") Importance importance,
        @Schema(description = "The name of who linked it: createdBy's name (on links older than createdBy, what the "
                + "client wrote, if anything).", example = "Ana Lima") String linkedBy,
        @Schema(description = "On whose behalf the caller linked it, as the caller said (linkedBy or onBehalfOf of the "
                + "request); absent when it acted for itself. Never the identity of who linked it.",
                example = "ana.pm@example.com") String onBehalfOf,
        Instant linkedAt,
        Instant updatedAt,
        @Schema(description = "Who linked it: the caller the gateway authenticated. Absent on links older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed its importance last (else who linked it).")
        Actor updatedBy) {

    static LinkView of(FeedbackLink l) {
        CatalogFeature f = CatalogFeature.findById(l.featureId());
        return new LinkView(l.feedbackId(), l.featureId(), f == null ? null : f.title(),
                f == null ? null : f.status(), l.productId(), l.importance(), l.linkedBy(), l.onBehalfOf(),
                l.linkedAt(), l.updatedAt(), l.createdBy(), l.updatedBy());
    }

    /** For OpenAPI and the list answer: all of an item's links (at most 50, so never paged). */
    @Schema(name = "FeedbackLinkList")
    public record Links(List<LinkView> items) {
    }
}
