package dev.tandem.project.task;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.project.milestone.Milestone;

/** The task rules that look at the rest of the project: milestone and dependencies of the same project, no cycle. */
public final class TaskRules {

    private TaskRules() {
    }

    /** A milestone of another project, or of none, is a 422 naming milestoneId. */
    public static void requireMilestoneOf(UUID projectId, UUID milestoneId) {
        if (milestoneId == null) {
            return;
        }
        Milestone m = Milestone.findById(milestoneId);
        if (m == null || !m.projectId().equals(projectId)) {
            throw DomainException.ruleBroken("milestone " + milestoneId + " is not a milestone of this project",
                    new FieldIssue("milestoneId", "names no milestone of project " + projectId));
        }
    }

    /**
     * Every dependency must be another task of the project (422 naming dependsOn[i]) and must not close a cycle (422
     * naming the cycle in order).
     *
     * @param projectTasks the project's tasks as they are (may include {@code taskId} itself)
     */
    public static void requireDependencies(UUID taskId, List<UUID> dependsOn, List<Task> projectTasks) {
        if (dependsOn == null || dependsOn.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> graph = new HashMap<>();
        projectTasks.forEach(t -> graph.put(t.id(), t.dependsOn()));
        for (int i = 0; i < dependsOn.size(); i++) {
            UUID dep = dependsOn.get(i);
            if (dep.equals(taskId)) {
                throw DomainException.ruleBroken("a task cannot depend on itself: " + taskId + " → " + taskId,
                        new FieldIssue("dependsOn[" + i + "]", "is the task itself"));
            }
            if (!graph.containsKey(dep)) {
                throw DomainException.ruleBroken("task " + dep + " is not a task of this project",
                        new FieldIssue("dependsOn[" + i + "]", "names no task of this project"));
            }
        }
        List<UUID> cycle = TaskGraph.cycleIfDependsOn(graph, taskId, dependsOn);
        if (!cycle.isEmpty()) {
            String path = cycle.stream().map(UUID::toString).collect(Collectors.joining(" → "));
            throw DomainException.ruleBroken("the dependencies would make a cycle: " + path,
                    new FieldIssue("dependsOn", "cycle: " + path));
        }
    }

    /** The dependencies of {@code task} that are not DONE (id → title), in its order. */
    public static Map<UUID, String> openDependencies(Task task) {
        Map<UUID, String> open = new LinkedHashMap<>();
        for (UUID id : task.dependsOn()) {
            Task dep = Task.findById(id);
            if (dep != null && dep.status() != TaskStatus.DONE) {
                open.put(dep.id(), dep.title());
            }
        }
        return open;
    }
}
