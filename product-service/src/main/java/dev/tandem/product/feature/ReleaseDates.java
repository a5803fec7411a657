package dev.tandem.product.feature;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the feature side needs to know of a release: its target date ({@code feature.committed} carries it). The
 * release package implements it, so that it depends on features and not the reverse.
 */
public interface ReleaseDates {

    /** The release's target date; null for no release, an unknown one or one without a target date. */
    LocalDate targetDate(UUID releaseId);
}
