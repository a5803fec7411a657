package dev.tandem.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import dev.tandem.platform.security.Actor;
import dev.tandem.platform.security.Actors;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An entity that keeps who created it and who changed it last: the actor of the work that persisted or updated it
 * ({@link Actors#current()}: the verified caller, or the service itself on events and schedules), never a value a
 * client sent. Set by JPA callbacks, so no change can forget it: {@code created_by}/{@code updated_by} on insert,
 * {@code updated_by} whenever Hibernate writes a change of the row.
 *
 * <p>The table needs the columns {@code created_by VARCHAR(255)}, {@code created_by_name VARCHAR(200)},
 * {@code updated_by VARCHAR(255)}, {@code updated_by_name VARCHAR(200)}, nullable: rows written before actors were
 * recorded have none, and their views show no {@code createdBy}/{@code updatedBy}.
 */
@MappedSuperclass
public abstract class AuthoredEntity extends PanacheEntityBase {

    @Column(name = "created_by", length = Actor.MAX_SUBJECT_LENGTH)
    private String createdBySubject;

    @Column(name = "created_by_name", length = Actor.MAX_NAME_LENGTH)
    private String createdByName;

    @Column(name = "updated_by", length = Actor.MAX_SUBJECT_LENGTH)
    private String updatedBySubject;

    @Column(name = "updated_by_name", length = Actor.MAX_NAME_LENGTH)
    private String updatedByName;

    @PrePersist
    void recordCreator() {
        Actor actor = Actors.currentActor();
        if (createdBySubject == null) {
            createdBySubject = actor.subject();
            createdByName = actor.name();
        }
        updatedBySubject = actor.subject();
        updatedByName = actor.name();
    }

    @PreUpdate
    void recordUpdater() {
        Actor actor = Actors.currentActor();
        updatedBySubject = actor.subject();
        updatedByName = actor.name();
    }

    /**
     * Records {@code actor} as who creates it, before it is persisted, for a rule that needs its author at once (the
     * entity's own tests, code that compares before the flush); persisting keeps it.
     */
    protected void authoredBy(Actor actor) {
        createdBySubject = actor.subject();
        createdByName = actor.name();
        updatedBySubject = actor.subject();
        updatedByName = actor.name();
    }

    /** Who created it; null for a row written before actors were recorded. */
    public Actor createdBy() {
        return Actor.stored(createdBySubject, createdByName);
    }

    /** Who changed it last (the creator until someone changes it); null for rows older than actors. */
    public Actor updatedBy() {
        return Actor.stored(updatedBySubject, updatedByName);
    }
}
