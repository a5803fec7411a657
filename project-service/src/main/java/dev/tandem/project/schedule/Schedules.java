package dev.tandem.project.schedule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.project.project.Project;
import dev.tandem.project.task.Task;
import dev.tandem.project.task.TaskStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A project's schedule: before the project is started, every task lasts its estimate and the schedule begins at the
 * planned start (today when there is none); once started (ACTIVE, ON_HOLD, COMPLETED) every task lasts its
 * remaining hours (a DONE task 0) and the schedule begins today, so its finish date is the forecast finish.
 */
@ApplicationScoped
public class Schedules {

    @Inject
    Clock clock;

    @ConfigProperty(name = "tandem.schedule.hours-per-day", defaultValue = "8")
    BigDecimal hoursPerDay;

    public CriticalPath.Result of(Project project, List<Task> tasks) {
        boolean started = project.isStarted();
        LocalDate anchor = started || project.plannedStart() == null ? today() : project.plannedStart();
        List<CriticalPath.Node> nodes = tasks.stream().map(t -> new CriticalPath.Node(t.id(), t.title(),
                started ? (t.status() == TaskStatus.DONE ? BigDecimal.ZERO.setScale(2) : t.remainingHours())
                        : t.estimateHours(), t.dependsOn())).toList();
        return CriticalPath.schedule(nodes, anchor, hoursPerDay);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public BigDecimal hoursPerDay() {
        return hoursPerDay;
    }
}
