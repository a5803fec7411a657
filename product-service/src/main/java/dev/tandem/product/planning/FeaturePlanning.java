package dev.tandem.product.planning;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.time.Now;
import dev.tandem.product.feature.CreateFeatureRequest;
import dev.tandem.product.feature.Feature;
import dev.tandem.product.feature.FeatureEvents;
import dev.tandem.product.feature.UpdateFeatureRequest;
import dev.tandem.product.objective.Objective;
import dev.tandem.product.product.Product;
import dev.tandem.product.release.Release;
import dev.tandem.product.release.ReleaseStatus;

/**
 * Creating and changing a feature where it touches other aggregates (application service): the product it belongs
 * to must exist, its objective must be one of that product's, its release a PLANNED release of that product. Each
 * refusal is a {@link DomainException} naming the field (422). The feature's own rules stay in {@link Feature}; the
 * resource only translates HTTP (idempotency, ETags, views).
 */
@ApplicationScoped
public class FeaturePlanning {

    private final FeatureEvents events;

    public FeaturePlanning(FeatureEvents events) {
        this.events = events;
    }

    /** A new IDEA of an existing product, published as dev.tandem.feature.created.v1. */
    public Feature create(CreateFeatureRequest request) {
        if (Product.findById(request.productId()) == null) {
            throw DomainException.ruleBroken("product " + request.productId() + " does not exist",
                    new FieldIssue("productId", "no product with this id"));
        }
        if (request.objectiveId() != null) {
            requireObjectiveOf(request.productId(), request.objectiveId());
        }
        Feature feature = Feature.create(request.productId(), request.title(), request.problem(), request.reach(),
                request.impact(), request.confidence(), request.effort(), request.objectiveId(), Now.instant());
        feature.persistAndFlush();
        events.created(feature);
        return feature;
    }

    /**
     * The request's changes (absent fields stay; an empty releaseId or objectiveId unlinks), published as
     * dev.tandem.feature.updated.v1 when something changed.
     */
    public void update(Feature feature, UpdateFeatureRequest request) {
        Instant now = Now.instant();
        boolean releaseChanged = false;
        boolean objectiveChanged = false;
        if (request.releaseId() != null) {
            UUID releaseId = request.releaseId().isEmpty() ? null : UUID.fromString(request.releaseId());
            if (releaseId != null) {
                requirePlannedReleaseOf(feature, releaseId);
            }
            releaseChanged = feature.assignRelease(releaseId, now);
        }
        if (request.objectiveId() != null) {
            UUID objectiveId = request.objectiveId().isEmpty() ? null : UUID.fromString(request.objectiveId());
            if (objectiveId != null) {
                requireObjectiveOf(feature.productId(), objectiveId);
            }
            objectiveChanged = feature.assignObjective(objectiveId, now);
        }
        if (feature.update(request.title(), request.problem(), request.reach(), request.impact(),
                request.confidence(), request.effort(), now) | releaseChanged | objectiveChanged) {
            Feature.flush();
            events.updated(feature);
        }
    }

    /** @throws DomainException naming releaseId unless it is a PLANNED release of the feature's product */
    private static void requirePlannedReleaseOf(Feature feature, UUID releaseId) {
        Release release = Release.findById(releaseId);
        if (release == null) {
            throw DomainException.ruleBroken("release " + releaseId + " does not exist",
                    new FieldIssue("releaseId", "no release with this id"));
        }
        if (!release.productId().equals(feature.productId())) {
            throw DomainException.ruleBroken("release " + release.name() + " belongs to another product",
                    new FieldIssue("releaseId", "must be a release of product " + feature.productId()));
        }
        if (release.status() != ReleaseStatus.PLANNED) {
            throw DomainException.ruleBroken("release " + release.name() + " is already RELEASED",
                    new FieldIssue("releaseId", "must be a PLANNED release"));
        }
    }

    /** @throws DomainException naming objectiveId unless it is an objective of this product */
    private static void requireObjectiveOf(UUID productId, UUID objectiveId) {
        Objective objective = Objective.findById(objectiveId);
        if (objective == null) {
            throw DomainException.ruleBroken("objective " + objectiveId + " does not exist",
                    new FieldIssue("objectiveId", "no objective with this id"));
        }
        if (!objective.productId().equals(productId)) {
            throw DomainException.ruleBroken("objective " + objective.title() + " belongs to another product",
                    new FieldIssue("objectiveId", "must be an objective of product " + productId));
        }
    }
}
