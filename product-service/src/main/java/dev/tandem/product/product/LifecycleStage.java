package dev.tandem.product.product;

import java.util.Arrays;
import java.util.List;

/**
 * Where a product is in its life: CONCEPT → DEVELOPMENT → LAUNCHED → GROWTH → MATURITY → DECLINE → RETIRED.
 * Moves forward only (a stage may be skipped), so RETIRED is reachable from any stage; nothing follows RETIRED.
 */
public enum LifecycleStage {
    CONCEPT, DEVELOPMENT, LAUNCHED, GROWTH, MATURITY, DECLINE, RETIRED;

    /** The stages a product in this stage may move to: every later stage. */
    public List<LifecycleStage> allowedNext() {
        return Arrays.stream(values()).filter(s -> s.ordinal() > ordinal()).toList();
    }

    public boolean canMoveTo(LifecycleStage to) {
        return to != null && to.ordinal() > ordinal();
    }
}
