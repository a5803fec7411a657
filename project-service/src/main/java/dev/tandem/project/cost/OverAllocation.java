package dev.tandem.project.cost;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Over-allocation: per person and ISO week, the sum of the person's allocations over the projects that are ACTIVE and
 * whose planned dates overlap that week; above 100 % is over-allocated. Pure; no database.
 */
public final class OverAllocation {

    private OverAllocation() {
    }

    /** One membership in an active project with planned dates. */
    public record Assignment(String personId, UUID projectId, String projectKey, String projectName,
                             int allocationPercent, LocalDate plannedStart, LocalDate plannedEnd) {
    }

    public record ProjectShare(UUID projectId, String key, String name, int allocationPercent) {
    }

    /** A person over 100 % in a week (Monday {@code weekStart}, ISO week {@code week} such as 2027-W03). */
    public record Entry(String personId, String week, LocalDate weekStart, int totalAllocationPercent,
                        List<ProjectShare> projects) {
    }

    /** The over-allocated person-weeks of the weeks touching [from, to], by week, then person. */
    public static List<Entry> find(List<Assignment> assignments, LocalDate from, LocalDate to) {
        List<Entry> result = new ArrayList<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to);
             monday = monday.plusWeeks(1)) {
            LocalDate sunday = monday.plusDays(6);
            Map<String, List<Assignment>> byPerson = new TreeMap<>();
            for (Assignment a : assignments) {
                if (!a.plannedStart().isAfter(sunday) && !a.plannedEnd().isBefore(monday)) {
                    byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a);
                }
            }
            for (Map.Entry<String, List<Assignment>> e : byPerson.entrySet()) {
                int total = e.getValue().stream().mapToInt(Assignment::allocationPercent).sum();
                if (total > 100) {
                    result.add(new Entry(e.getKey(), isoWeek(monday), monday, total, e.getValue().stream()
                            .sorted(Comparator.comparing(Assignment::projectKey))
                            .map(a -> new ProjectShare(a.projectId(), a.projectKey(), a.projectName(),
                                    a.allocationPercent())).toList()));
                }
            }
        }
        return result;
    }

    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
