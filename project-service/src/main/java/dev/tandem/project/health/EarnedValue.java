package dev.tandem.project.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Earned value and health of an approved project. Pure: every input is given, including today.
 *
 * <ul>
 *   <li>BAC = the baseline budget.</li>
 *   <li>PV = BAC × the share of the baseline's planned duration elapsed by today, in calendar days:
 *       (today − baseline start) / (baseline end − baseline start + 1), between 0 and 1 (0 on the start day, 1 after
 *       the end day).</li>
 *   <li>% complete = Σ done hours / Σ estimate hours over the current tasks, where a task's done hours are its
 *       estimate minus its remaining hours (a DONE task counts in full); 0 without tasks.</li>
 *   <li>EV = BAC × % complete. AC = Σ time-entry costs + Σ expenses.</li>
 *   <li>CPI = EV / AC, null when AC = 0. SPI = EV / PV, null when PV = 0. Both to 4 decimals.</li>
 *   <li>EAC = BAC / CPI when CPI &gt; 0; BAC when CPI is null (nothing spent yet); null when CPI = 0 (money spent,
 *       nothing earned: no basis for a forecast). CV = EV − AC, SV = EV − PV (negative = over cost / behind).</li>
 * </ul>
 *
 * Health is the worst severity of its reasons, GREEN without any: CPI under {@code cpiRed} RED, under
 * {@code cpiAmber} AMBER (likewise SPI; an index exactly at a threshold is not under it; a null index raises
 * nothing); every overdue milestone AMBER; every BLOCKED task on the critical path AMBER; AC above BAC RED.
 */
public final class EarnedValue {

    private EarnedValue() {
    }

    public record Reason(String code, Health severity, String message) {
    }

    public record OverdueMilestone(UUID id, String name, LocalDate dueDate) {
    }

    public record BlockedTask(UUID id, String title, String reason) {
    }

    /** What the calculation needs. */
    public record Input(BigDecimal bac, LocalDate baselineStart, LocalDate baselineEnd, LocalDate today,
                        BigDecimal estimateHours, BigDecimal doneHours, BigDecimal actualCost,
                        List<OverdueMilestone> overdueMilestones, List<BlockedTask> blockedCriticalTasks) {
    }

    /** The answer; amounts with two decimals in the baseline's currency. */
    public record Result(BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac, BigDecimal percentComplete,
                         BigDecimal cpi, BigDecimal spi, BigDecimal eac, BigDecimal cv, BigDecimal sv,
                         Health health, List<Reason> reasons) {
    }

    public static Result compute(Input in, HealthThresholds.Values t) {
        BigDecimal bac = money(in.bac());
        BigDecimal pv = money(bac.multiply(elapsedShare(in.baselineStart(), in.baselineEnd(), in.today())));
        BigDecimal complete = in.estimateHours().signum() == 0 ? BigDecimal.ZERO.setScale(4)
                : in.doneHours().divide(in.estimateHours(), 4, RoundingMode.HALF_UP);
        BigDecimal ev = money(bac.multiply(complete));
        BigDecimal ac = money(in.actualCost());
        BigDecimal cpi = ac.signum() == 0 ? null : ev.divide(ac, 4, RoundingMode.HALF_UP);
        BigDecimal spi = pv.signum() == 0 ? null : ev.divide(pv, 4, RoundingMode.HALF_UP);
        BigDecimal eac = cpi == null ? bac : cpi.signum() == 0 ? null : bac.divide(cpi, 2, RoundingMode.HALF_UP);

        List<Reason> reasons = new ArrayList<>();
        index("CPI", cpi, t.cpiAmber(), t.cpiRed(), reasons);
        index("SPI", spi, t.spiAmber(), t.spiRed(), reasons);
        for (OverdueMilestone m : in.overdueMilestones()) {
            reasons.add(new Reason("MILESTONE_OVERDUE", Health.AMBER,
                    "milestone \"" + m.name() + "\" (" + m.id() + ") was due " + m.dueDate() + " and is not reached"));
        }
        for (BlockedTask b : in.blockedCriticalTasks()) {
            reasons.add(new Reason("CRITICAL_TASK_BLOCKED", Health.AMBER,
                    "task \"" + b.title() + "\" (" + b.id() + ") on the critical path is blocked: " + b.reason()));
        }
        if (ac.compareTo(bac) > 0) {
            reasons.add(new Reason("OVER_BUDGET", Health.RED,
                    "actual cost " + ac.toPlainString() + " is above the budget " + bac.toPlainString()));
        }
        Health health = Health.GREEN;
        for (Reason r : reasons) {
            health = health.worse(r.severity());
        }
        return new Result(bac, pv, ev, ac, complete.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP),
                cpi, spi, eac, money(ev.subtract(ac)), money(ev.subtract(pv)), health, List.copyOf(reasons));
    }

    /**
     * The share of the planned duration elapsed by {@code today}: (today − start) / (end − start + 1) in calendar
     * days, clamped to [0, 1]. PV = BAC × this share; the burndown's ideal line falls with it.
     */
    public static BigDecimal elapsedShare(LocalDate start, LocalDate end, LocalDate today) {
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, today);
        if (elapsed <= 0) {
            return BigDecimal.ZERO;
        }
        if (elapsed >= total) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
    }

    private static void index(String name, BigDecimal value, BigDecimal amber, BigDecimal red, List<Reason> reasons) {
        if (value == null) {
            return;
        }
        if (value.compareTo(red) < 0) {
            reasons.add(new Reason(name + "_BELOW_THRESHOLD", Health.RED,
                    name + " " + value.toPlainString() + " is below " + red.toPlainString()));
        } else if (value.compareTo(amber) < 0) {
            reasons.add(new Reason(name + "_BELOW_THRESHOLD", Health.AMBER,
                    name + " " + value.toPlainString() + " is below " + amber.toPlainString()));
        }
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
