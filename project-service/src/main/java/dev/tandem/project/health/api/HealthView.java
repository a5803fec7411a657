package dev.tandem.project.health.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import dev.tandem.project.health.EarnedValue;
import dev.tandem.project.health.Health;
import dev.tandem.project.tracking.ProjectTracking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Earned value and health of a project as the API shows them. */
@Schema(name = "ProjectHealth", description = "Earned value and health as of today. Before approval (no baseline) "
        + "everything but projectId and asOf is null.")
public record HealthView(
        UUID projectId,
        @Schema(example = "2027-02-10") LocalDate asOf,
        @Schema(example = "AMBER") Health health,
        List<ReasonView> reasons,
        @Schema(description = "Budget at completion: the baseline budget") Money bac,
        @Schema(description = "Planned value: BAC × share of the baseline's planned days elapsed") Money pv,
        @Schema(description = "Earned value: BAC × percentComplete") Money ev,
        @Schema(description = "Actual cost: time entries at the members' rates plus expenses") Money ac,
        @Schema(description = "Σ(estimate − remaining) / Σ estimate over the tasks, in %; 0 without tasks", example = "42.50")
        BigDecimal percentComplete,
        @Schema(description = "EV / AC; null while AC = 0", example = "0.9100") BigDecimal cpi,
        @Schema(description = "EV / PV; null while PV = 0", example = "1.0200") BigDecimal spi,
        @Schema(description = "Estimate at completion BAC / CPI; BAC while CPI is null; null when CPI = 0") Money eac,
        @Schema(description = "Cost variance EV − AC (negative: over cost)") Money cv,
        @Schema(description = "Schedule variance EV − PV (negative: behind)") Money sv,
        @Schema(description = "The date the remaining work ends by the schedule; null without tasks", example = "2027-03-19")
        LocalDate forecastFinish,
        @Schema(example = "2027-03-26") LocalDate baselineEnd,
        @Schema(description = "Tasks on the critical path, in order") List<UUID> criticalPath) {

    @Schema(name = "HealthReason")
    public record ReasonView(
            @Schema(example = "CPI_BELOW_THRESHOLD", enumeration = {"CPI_BELOW_THRESHOLD", "SPI_BELOW_THRESHOLD",
                    "MILESTONE_OVERDUE", "CRITICAL_TASK_BLOCKED", "OVER_BUDGET"}) String code,
            @Schema(example = "AMBER") Health severity,
            @Schema(example = "CPI 0.9100 is below 0.95") String message) {
    }

    static HealthView of(UUID projectId, LocalDate today, ProjectTracking.Report r, LocalDate baselineEnd) {
        if (r == null) {
            return new HealthView(projectId, today, null, List.of(), null, null, null, null, null, null, null, null,
                    null, null, null, null, List.of());
        }
        EarnedValue.Result e = r.earnedValue();
        String c = r.currency();
        return new HealthView(projectId, r.asOf(), e.health(),
                e.reasons().stream().map(x -> new ReasonView(x.code(), x.severity(), x.message())).toList(),
                money(e.bac(), c), money(e.pv(), c), money(e.ev(), c), money(e.ac(), c), e.percentComplete(),
                e.cpi(), e.spi(), money(e.eac(), c), money(e.cv(), c), money(e.sv(), c), r.schedule().finishDate(),
                baselineEnd, r.schedule().criticalPath());
    }

    /** Money of a possibly negative amount (variances). */
    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.toPlainString(), currency);
    }
}
