package dev.tandem.product.release;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.product.feature.FeatureStatus;

/**
 * What releasing a release does to its features: the DELIVERED ones are released; every other one must be listed in
 * {@code force}, and is moved out of the release instead. A listed feature that is not in the release is a 422.
 *
 * @param release  features to release (DELIVERED, not in force)
 * @param moveOut  features to move out (listed in force)
 */
public record ReleasePlan(List<UUID> release, List<UUID> moveOut) {

    /**
     * @param features the release's features and their status, in a stable order
     * @param force    the features to move out
     * @throws DomainException RULE_BROKEN naming each forced id that is not in the release; CONFLICT naming each
     *                         feature that is not DELIVERED and not in force
     */
    public static ReleasePlan of(Map<UUID, FeatureStatus> features, List<UUID> force) {
        Set<UUID> forced = new HashSet<>(force);
        List<FieldIssue> unknown = new ArrayList<>();
        for (int i = 0; i < force.size(); i++) {
            if (!features.containsKey(force.get(i))) {
                unknown.add(new FieldIssue("force[" + i + "]", "feature " + force.get(i)
                        + " is not in this release"));
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.ruleBroken(unknown.size() + " feature(s) in force are not in this release",
                    unknown.toArray(FieldIssue[]::new));
        }
        Map<UUID, FeatureStatus> blocking = new LinkedHashMap<>();
        List<UUID> release = new ArrayList<>();
        List<UUID> moveOut = new ArrayList<>();
        features.forEach((id, status) -> {
            if (forced.contains(id)) {
                moveOut.add(id);
            } else if (status == FeatureStatus.DELIVERED) {
                release.add(id);
            } else {
                blocking.put(id, status);
            }
        });
        if (!blocking.isEmpty()) {
            List<FieldIssue> errors = new ArrayList<>();
            blocking.forEach((id, status) -> errors.add(new FieldIssue("features",
                    id + " is " + status + ", not DELIVERED")));
            throw DomainException.conflict("not DELIVERED yet: " + String.join(", ",
                    blocking.keySet().stream().map(UUID::toString).toList())
                    + "; deliver them, or list them in force to move them out of the release",
                    errors.toArray(FieldIssue[]::new));
        }
        return new ReleasePlan(List.copyOf(release), List.copyOf(moveOut));
    }
}
