package dev.tandem.project.tracking;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import dev.tandem.project.project.Project;
import dev.tandem.project.project.ProjectStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Health that moves with time: a project's health depends on today (planned value, overdue milestones, the
 * schedule's anchor), so an idle ACTIVE project whose milestone passes or whose schedule slips must turn AMBER or RED
 * without anyone writing to it. Every {@code tandem.health-reevaluation.every} (1 h; first run
 * {@code tandem.health-reevaluation.delay} after start-up, 10 s) every ACTIVE project is re-evaluated as of the
 * service's {@link java.time.Clock}, exactly as a write would ({@link ProjectTracking#update}): today's burndown
 * point is recorded, and {@code project.health-changed} is published when the colour or the reasons changed. Each
 * project in a transaction of its own, under a row lock, so two instances never publish the same change twice and one
 * failing project does not stop the others.
 */
@ApplicationScoped
public class HealthReevaluation {

    private static final Logger LOG = Logger.getLogger(HealthReevaluation.class);

    @Inject
    ProjectTracking tracking;

    @Scheduled(identity = "tandem-health-reevaluation", every = "${tandem.health-reevaluation.every:1h}",
            delayed = "${tandem.health-reevaluation.delay:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int changed = reevaluateActiveProjects();
            if (changed > 0) {
                LOG.infof("health re-evaluation: %d project(s) changed health", changed);
            }
        } catch (RuntimeException e) {
            // a database that is away now is tried again next period; nothing is owed
            LOG.warnf("health re-evaluation failed, tried again in the next period: %s", e.getMessage());
        }
    }

    /** Re-evaluates every ACTIVE project now; answers how many changed health (colour or reasons). */
    public int reevaluateActiveProjects() {
        List<UUID> active = QuarkusTransaction.requiringNew().call(() -> Project.getEntityManager()
                .createQuery("select p.id from Project p where p.status = :status order by p.id", UUID.class)
                .setParameter("status", ProjectStatus.ACTIVE).getResultList());
        int changed = 0;
        for (UUID id : active) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> reevaluate(id))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("health re-evaluation of project %s failed: %s", id, e.getMessage());
            }
        }
        return changed;
    }

    private boolean reevaluate(UUID id) {
        Project project = Project.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (project == null || project.status() != ProjectStatus.ACTIVE) {
            return false;
        }
        return tracking.afterChange(project, () -> { }).healthChanged();
    }
}
