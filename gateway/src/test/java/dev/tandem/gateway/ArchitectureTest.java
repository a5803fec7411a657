package dev.tandem.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.tandem.devstack.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The gateway's production classes against the architecture rules
 * (docs/architecture.md, "Rules the build enforces").
 */
class ArchitectureTest {

    private static final String ROOT = "dev.tandem.gateway";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void noCycleBetweenItsPackages() {
        ArchitectureRules.noCyclesBetweenPackages(ROOT).check(CLASSES);
    }

    @Test
    void resourcesDoNotCallEachOther() {
        ArchitectureRules.resourcesDoNotCallEachOther().check(CLASSES);
    }

    @Test
    void readsTheTimeFromItsOneClock() {
        ArchitectureRules.oneClock().check(CLASSES);
    }
}
