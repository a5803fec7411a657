package dev.tandem.product.release;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.tandem.product.feature.ReleaseDates;

/** The releases' target dates, for the feature events. */
@ApplicationScoped
public class ReleaseTargetDates implements ReleaseDates {

    @Override
    public LocalDate targetDate(UUID releaseId) {
        Release release = releaseId == null ? null : Release.findById(releaseId);
        return release == null ? null : release.targetDate();
    }
}
