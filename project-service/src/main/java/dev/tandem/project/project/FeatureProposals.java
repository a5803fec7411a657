package dev.tandem.project.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.events.product.FeatureCommitted;
import org.jboss.logging.Logger;

/**
 * Proposes a project for each committed feature, once per feature: a second, different commit event for a feature
 * that already has a proposal changes nothing (the inbox already drops redeliveries of the same event).
 */
@ApplicationScoped
public class FeatureProposals {

    private static final Logger LOG = Logger.getLogger(FeatureProposals.class);

    /** Enough for every realistic clash of 7 hex digits. */
    static final int MAX_KEY_ATTEMPTS = 99;

    @Inject
    ProjectEvents events;

    /** Runs inside the inbox's transaction. */
    public void featureCommitted(FeatureCommitted e) {
        Project existing = Project.proposedFor(e.featureId());
        if (existing != null) {
            LOG.infof("feature %s already has proposed project %s; nothing to do", e.featureId(), existing.key());
            return;
        }
        Project project = Project.proposeFor(e.featureId(), e.productId(), e.title(), e.problem(),
                e.effortPersonMonths(), freeKey(e));
        project.persistAndFlush();
        events.created(project);
        LOG.infof("proposed project %s for committed feature %s", project.key(), e.featureId());
    }

    private static String freeKey(FeatureCommitted e) {
        for (int attempt = 0; attempt < MAX_KEY_ATTEMPTS; attempt++) {
            String key = Project.proposalKey(e.featureId(), attempt);
            if (!Project.keyTaken(key, null)) {
                return key;
            }
        }
        throw new IllegalStateException("no free project key for feature " + e.featureId());
    }
}
