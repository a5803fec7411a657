package dev.tandem.project.health;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tandem.health.*}: under amber a performance index makes the project AMBER, under red RED. */
@ConfigMapping(prefix = "tandem.health")
public interface HealthThresholds {

    @WithDefault("0.95")
    BigDecimal cpiAmber();

    @WithDefault("0.85")
    BigDecimal cpiRed();

    @WithDefault("0.95")
    BigDecimal spiAmber();

    @WithDefault("0.85")
    BigDecimal spiRed();

    /** Plain values, for the pure calculation and its tests. */
    record Values(BigDecimal cpiAmber, BigDecimal cpiRed, BigDecimal spiAmber, BigDecimal spiRed) {
        public static final Values DEFAULTS = new Values(new BigDecimal("0.95"), new BigDecimal("0.85"),
                new BigDecimal("0.95"), new BigDecimal("0.85"));
    }

    default Values values() {
        return new Values(cpiAmber(), cpiRed(), spiAmber(), spiRed());
    }
}
