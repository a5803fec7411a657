package dev.tandem.project.task;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.project.project.Project;

/** A stored project's tasks, as its status changes need them. */
public final class ProjectTasks implements Project.Tasks {

    private final UUID projectId;

    public ProjectTasks(UUID projectId) {
        this.projectId = projectId;
    }

    @Override
    public Map<UUID, String> open() {
        Map<UUID, String> open = new LinkedHashMap<>();
        Task.ofProject(projectId).stream().filter(t -> t.status() != TaskStatus.DONE)
                .forEach(t -> open.put(t.id(), t.title()));
        return open;
    }

    @Override
    public BigDecimal captureEstimates() {
        return TaskBaseline.capture(projectId);
    }
}
