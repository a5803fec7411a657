package dev.tandem.product.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.security.Actor;
import dev.tandem.product.demand.DemandView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feature as the API shows it, with its RICE inputs and score, customer demand, release and risk. */
@Schema(name = "Feature")
public record FeatureView(
        @Schema(example = "5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6") UUID id,
        @Schema(example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50") UUID productId,
        @Schema(example = "One-click reorder") String title,
        @Schema(example = "Repeat buyers re-enter the same basket every week.") String problem,
        @Schema(example = "CANDIDATE") FeatureStatus status,
        @Schema(description = "Why it was rejected, while REJECTED.") String rejectionReason,
        @Schema(description = "RICE reach per quarter", example = "1200") Long reach,
        @Schema(description = "RICE impact: 0.25, 0.5, 1, 2 or 3", example = "2") BigDecimal impact,
        @Schema(description = "RICE confidence, percent", example = "80") Integer confidence,
        @Schema(description = "RICE effort, person-months", example = "2.5") BigDecimal effort,
        @Schema(description = "reach × impact × confidence/100 / effort, 2 decimals; null while an input is missing",
                example = "768.00") BigDecimal score,
        @Schema(description = "The release it is planned for, if any", example = "7c0e2a8b-1d2e-4f3a-9b4c-5d6e7f8a9b0c")
        UUID releaseId,
        @Schema(description = "The objective of its product it serves, if any",
                example = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f") UUID objectiveId,
        @Schema(description = "Customer demand from linked feedback (kept from feedback-service's events; a change "
                + "changes the second part of the ETag)") DemandView demand,
        @Schema(description = "True while a project delivering it is AMBER or RED", example = "false") boolean atRisk,
        @Schema(description = "Why it is at risk: one entry per AMBER/RED project") List<RiskView> risks,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Who created it: the caller the gateway authenticated. Absent on records older than this field.")
        Actor createdBy,
        @Schema(description = "Who changed it last: the caller, or product-service itself for a change made on another service's event.")
        Actor updatedBy,
        @Schema(description = "The feature's own version: increases with every change of the feature itself, as in "
                + "its events. The ETag is \"<version>.<demand and risk version>\", e.g. \"7.3\".", example = "7")
        long version) {

    /** One project's health that puts the feature at risk. */
    @Schema(name = "FeatureRisk")
    public record RiskView(
            @Schema(example = "3f2e1d0c-9b8a-4765-8432-10fedcba9876") UUID projectId,
            @Schema(example = "CHK-REORDER") String projectKey,
            @Schema(example = "AMBER", enumeration = {"AMBER", "RED"}) String health,
            List<FeatureRisk.Reason> reasons,
            Instant changedAt) {

        static RiskView of(FeatureRisk r) {
            return new RiskView(r.projectId(), r.projectKey(), r.health(), r.reasons(), r.changedAt());
        }
    }

    static FeatureView of(Feature f, DemandView demand, List<FeatureRisk> risks) {
        return new FeatureView(f.id(), f.productId(), f.title(), f.problem(), f.status(), f.rejectionReason(),
                f.reach(), f.impact(), f.confidence(), f.effort(), f.score(), f.releaseId(), f.objectiveId(), demand, f.atRisk(),
                risks.stream().map(RiskView::of).toList(), f.createdAt(), f.updatedAt(), f.createdBy(), f.updatedBy(),
                f.version());
    }
}
