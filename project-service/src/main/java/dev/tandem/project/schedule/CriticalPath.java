package dev.tandem.project.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The critical path method on a project's task DAG. Pure; no database.
 *
 * <p>Forward pass: a task's earliest start (ES) is the latest earliest finish of the tasks it depends on (0 without
 * dependencies), its earliest finish EF = ES + duration; the project's duration is the largest EF. Backward pass: a
 * task's latest finish (LF) is the smallest latest start of the tasks depending on it (the project's duration when
 * none does), LS = LF − duration. Slack = LS − ES; a task with no slack is critical. All in hours.
 *
 * <p>Dates: hour h of the schedule falls on working day ⌊h / hoursPerDay⌋ counted from the anchor (Mon–Fri; an
 * anchor on a weekend moves to the next Monday). A start at hour h is on that day; a finish at hour h is on the day
 * of its last hour, ⌈h / hoursPerDay⌉ − 1 (a zero-length task starts and finishes on the day its start falls in).
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    /** A task to schedule: its duration in hours (≥ 0) and the tasks it depends on. */
    public record Node(UUID id, String title, BigDecimal durationHours, List<UUID> dependsOn) {
    }

    /** The timing of one task. */
    public record Timing(UUID id, String title, BigDecimal durationHours, BigDecimal earliestStart,
                         BigDecimal earliestFinish, BigDecimal latestStart, BigDecimal latestFinish, BigDecimal slack,
                         boolean critical, LocalDate earliestStartDate, LocalDate earliestFinishDate,
                         LocalDate latestStartDate, LocalDate latestFinishDate, BigDecimal slackDays) {
    }

    /**
     * The result.
     *
     * @param durationHours the project's duration (0 without tasks)
     * @param criticalPath  one chain of critical tasks from a first to a last task, in order (empty without tasks)
     * @param tasks         every task, in topological order (ties in the order given)
     * @param finishDate    the date of the last hour of work; null without tasks
     */
    public record Result(LocalDate anchor, BigDecimal hoursPerDay, BigDecimal durationHours, List<UUID> criticalPath,
                         List<Timing> tasks, LocalDate finishDate) {
    }

    /**
     * Schedules {@code nodes} from {@code anchor}. Dependencies on ids not among the nodes are ignored; the graph must
     * be acyclic (the task rules guarantee it), else an IllegalArgumentException.
     */
    public static Result schedule(List<Node> nodes, LocalDate anchor, BigDecimal hoursPerDay) {
        LocalDate start = firstWorkingDay(anchor);
        Map<UUID, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<Node> order = topological(byId);
        Map<UUID, List<UUID>> successors = new HashMap<>();
        for (Node n : order) {
            for (UUID d : n.dependsOn()) {
                if (byId.containsKey(d)) {
                    successors.computeIfAbsent(d, k -> new ArrayList<>()).add(n.id());
                }
            }
        }
        Map<UUID, BigDecimal> es = new HashMap<>();
        Map<UUID, BigDecimal> ef = new HashMap<>();
        BigDecimal duration = BigDecimal.ZERO.setScale(2);
        for (Node n : order) {
            BigDecimal s = BigDecimal.ZERO.setScale(2);
            for (UUID d : n.dependsOn()) {
                if (ef.containsKey(d)) {
                    s = s.max(ef.get(d));
                }
            }
            es.put(n.id(), s);
            ef.put(n.id(), s.add(n.durationHours()));
            duration = duration.max(ef.get(n.id()));
        }
        Map<UUID, BigDecimal> ls = new HashMap<>();
        Map<UUID, BigDecimal> lf = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            BigDecimal f = duration;
            for (UUID s : successors.getOrDefault(n.id(), List.of())) {
                f = f.min(ls.get(s));
            }
            lf.put(n.id(), f);
            ls.put(n.id(), f.subtract(n.durationHours()));
        }
        List<Timing> timings = new ArrayList<>();
        for (Node n : order) {
            BigDecimal slack = ls.get(n.id()).subtract(es.get(n.id()));
            boolean zero = n.durationHours().signum() == 0;
            LocalDate esDate = startDate(start, es.get(n.id()), hoursPerDay);
            LocalDate lsDate = startDate(start, ls.get(n.id()), hoursPerDay);
            timings.add(new Timing(n.id(), n.title(), n.durationHours(), es.get(n.id()), ef.get(n.id()),
                    ls.get(n.id()), lf.get(n.id()), slack, slack.signum() == 0,
                    esDate, zero ? esDate : finishDate(start, ef.get(n.id()), hoursPerDay),
                    lsDate, zero ? lsDate : finishDate(start, lf.get(n.id()), hoursPerDay),
                    slack.divide(hoursPerDay, 2, RoundingMode.HALF_UP)));
        }
        return new Result(start, hoursPerDay, duration, criticalChain(order, es, ef, ls, successors), timings,
                order.isEmpty() ? null : duration.signum() == 0 ? start : finishDate(start, duration, hoursPerDay));
    }

    /** Follows critical tasks from a critical task without predecessors through critical successors that start when it ends. */
    private static List<UUID> criticalChain(List<Node> order, Map<UUID, BigDecimal> es, Map<UUID, BigDecimal> ef,
                                            Map<UUID, BigDecimal> ls, Map<UUID, List<UUID>> successors) {
        List<UUID> chain = new ArrayList<>();
        UUID at = null;
        for (Node n : order) {
            if (es.get(n.id()).signum() == 0 && ls.get(n.id()).compareTo(es.get(n.id())) == 0
                    && n.dependsOn().stream().noneMatch(ef::containsKey)) {
                at = n.id();
                break;
            }
        }
        while (at != null) {
            chain.add(at);
            UUID next = null;
            for (UUID s : successors.getOrDefault(at, List.of())) {
                if (ls.get(s).compareTo(es.get(s)) == 0 && es.get(s).compareTo(ef.get(at)) == 0) {
                    next = s;
                    break;
                }
            }
            at = next;
        }
        return chain;
    }

    /** Kahn's algorithm, keeping the given order among tasks that are ready at the same time. */
    private static List<Node> topological(Map<UUID, Node> byId) {
        Map<UUID, Integer> pending = new HashMap<>();
        Map<UUID, List<UUID>> successors = new HashMap<>();
        for (Node n : byId.values()) {
            int count = 0;
            for (UUID d : n.dependsOn()) {
                if (byId.containsKey(d) && !d.equals(n.id())) {
                    count++;
                    successors.computeIfAbsent(d, k -> new ArrayList<>()).add(n.id());
                }
            }
            pending.put(n.id(), count);
        }
        List<Node> result = new ArrayList<>();
        Deque<UUID> ready = new ArrayDeque<>();
        byId.values().stream().filter(n -> pending.get(n.id()) == 0).forEach(n -> ready.add(n.id()));
        while (!ready.isEmpty()) {
            UUID id = ready.poll();
            result.add(byId.get(id));
            for (UUID s : successors.getOrDefault(id, List.of())) {
                if (pending.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (result.size() != byId.size()) {
            throw new IllegalArgumentException("the task graph has a cycle");
        }
        return result;
    }

    /** The working day (Mon–Fri) on or after {@code day}. */
    public static LocalDate firstWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code n}-th working day after {@code start} (n = 0: start itself, which must be a working day). */
    public static LocalDate plusWorkingDays(LocalDate start, long n) {
        LocalDate d = start;
        for (long i = 0; i < n; i++) {
            d = firstWorkingDay(d.plusDays(1));
        }
        return d;
    }

    static LocalDate startDate(LocalDate start, BigDecimal hour, BigDecimal hoursPerDay) {
        return plusWorkingDays(start, hour.divide(hoursPerDay, 0, RoundingMode.FLOOR).longValueExact());
    }

    static LocalDate finishDate(LocalDate start, BigDecimal hour, BigDecimal hoursPerDay) {
        long day = hour.divide(hoursPerDay, 0, RoundingMode.CEILING).longValueExact() - 1;
        return plusWorkingDays(start, Math.max(0, day));
    }
}
