package dev.tandem.project.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The dependency graph of a project's tasks (task → the tasks it depends on). Pure; no database. */
public final class TaskGraph {

    private TaskGraph() {
    }

    /**
     * The cycle that giving {@code task} the dependencies {@code newDependsOn} would close, as task ids in order
     * starting and ending with {@code task} (A → B → A reads "A depends on B, B depends on A"); empty if none.
     *
     * @param dependsOn the project's current graph; {@code task}'s own entry is ignored
     */
    public static List<UUID> cycleIfDependsOn(Map<UUID, List<UUID>> dependsOn, UUID task, List<UUID> newDependsOn) {
        for (UUID dep : newDependsOn) {
            if (dep.equals(task)) {
                return List.of(task, task);
            }
            List<UUID> path = pathTo(dependsOn, dep, task);
            if (!path.isEmpty()) {
                List<UUID> cycle = new ArrayList<>();
                cycle.add(task);
                cycle.addAll(path);
                return cycle;
            }
        }
        return List.of();
    }

    /** A dependency path from {@code from} to {@code to} (both included), depth first; empty if none. */
    private static List<UUID> pathTo(Map<UUID, List<UUID>> dependsOn, UUID from, UUID to) {
        Deque<UUID> path = new ArrayDeque<>();
        Set<UUID> seen = new HashSet<>();
        return dfs(dependsOn, from, to, path, seen) ? new ArrayList<>(path) : List.of();
    }

    private static boolean dfs(Map<UUID, List<UUID>> dependsOn, UUID at, UUID to, Deque<UUID> path, Set<UUID> seen) {
        path.addLast(at);
        if (at.equals(to)) {
            return true;
        }
        if (seen.add(at)) {
            for (UUID next : dependsOn.getOrDefault(at, List.of())) {
                if (!next.equals(at) && dfs(dependsOn, next, to, path, seen)) {
                    return true;
                }
            }
        }
        path.removeLast();
        return false;
    }
}
