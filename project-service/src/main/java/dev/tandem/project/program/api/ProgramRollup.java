package dev.tandem.project.program.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import dev.tandem.project.cost.ExpenseEntry;
import dev.tandem.project.cost.TimeEntry;
import dev.tandem.project.health.Health;
import dev.tandem.project.project.Project;
import dev.tandem.project.project.ProjectStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A program's projects rolled up: per currency, the total budget (the baseline budget of approved projects, the
 * current budget of the others; projects without a budget add nothing) and the spend (actual cost: time entries and
 * expenses); and the worst health among them. CANCELLED projects are left out.
 */
@Schema(name = "ProgramRollup")
public record ProgramRollup(
        @Schema(description = "Projects of the program that are not CANCELLED", example = "3") int projectCount,
        @Schema(description = "The worst health among its approved projects; null when none has a health",
                example = "AMBER") Health worstHealth,
        @Schema(description = "Budget and spend per currency, by currency code") List<CurrencyTotals> byCurrency) {

    @Schema(name = "ProgramCurrencyTotals")
    public record CurrencyTotals(@Schema(example = "EUR") String currency, Money budget, Money spend) {
    }

    static ProgramRollup of(UUID programId) {
        List<Project> projects = Project.list("programId = ?1 and status <> ?2", programId, ProjectStatus.CANCELLED);
        Health worst = null;
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (Project p : projects) {
            if (p.health() != null) {
                worst = p.health().worse(worst);
            }
            Project.Baseline b = p.baseline();
            Money budget = b != null ? b.budget() : p.budget();
            if (budget == null) {
                continue;
            }
            BigDecimal[] t = totals.computeIfAbsent(budget.currency(),
                    c -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            t[0] = t[0].add(budget.value());
            t[1] = t[1].add(TimeEntry.totalCost(p.id(), budget.currency()))
                    .add(ExpenseEntry.total(p.id(), budget.currency()));
        }
        List<CurrencyTotals> byCurrency = new ArrayList<>();
        totals.forEach((c, t) -> byCurrency.add(new CurrencyTotals(c, Money.of(t[0], c), Money.of(t[1], c))));
        return new ProgramRollup(projects.size(), worst, byCurrency);
    }
}
