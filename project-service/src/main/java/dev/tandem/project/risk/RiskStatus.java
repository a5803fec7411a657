package dev.tandem.project.risk;

import java.util.EnumSet;
import java.util.Set;

/** OPEN ⇄ MITIGATED, either → CLOSED; CLOSED is final. */
public enum RiskStatus {
    OPEN, MITIGATED, CLOSED;

    public Set<RiskStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(MITIGATED, CLOSED);
            case MITIGATED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(RiskStatus.class);
        };
    }
}
