package dev.tandem.project.cost.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.money.Money;
import dev.tandem.platform.security.Actor;
import dev.tandem.project.cost.ExpenseEntry;
import dev.tandem.project.cost.TimeEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Time and expense entries as the API shows them. */
public final class EntryViews {

    private EntryViews() {
    }

    @Schema(name = "TimeEntry")
    public record TimeEntryView(UUID id, UUID projectId,
                                @Schema(example = "ana.dev@example.com") String personId,
                                UUID taskId,
                                @Schema(example = "2027-01-05") LocalDate date,
                                @Schema(example = "6.50") BigDecimal hours,
                                @Schema(description = "hours × the member's hourly rate when recorded") Money cost,
                                String note,
                                Instant createdAt,
                                @Schema(description = "Who recorded it: the caller the gateway authenticated. Absent on entries older than this field.")
                                Actor createdBy) {
        static TimeEntryView of(TimeEntry e) {
            return new TimeEntryView(e.id(), e.projectId(), e.personId(), e.taskId(), e.date(), e.hours(), e.cost(),
                    e.note(), e.createdAt(), e.createdBy());
        }
    }

    @Schema(name = "ExpenseEntry")
    public record ExpenseView(UUID id, UUID projectId, Money amount,
                              @Schema(example = "Licences") String category,
                              @Schema(example = "2027-01-12") LocalDate date,
                              String description,
                              Instant createdAt,
                              @Schema(description = "Who recorded it: the caller the gateway authenticated. Absent on entries older than this field.")
                              Actor createdBy) {
        static ExpenseView of(ExpenseEntry e) {
            return new ExpenseView(e.id(), e.projectId(), e.amount(), e.category(), e.date(), e.description(),
                    e.createdAt(), e.createdBy());
        }
    }

    @Schema(name = "TimeEntryPage")
    public record TimeEntryPage(List<TimeEntryView> items, String nextCursor) {
    }

    @Schema(name = "ExpenseEntryPage")
    public record ExpensePage(List<ExpenseView> items, String nextCursor) {
    }
}
