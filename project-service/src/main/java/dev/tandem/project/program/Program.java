package dev.tandem.project.program;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.persistence.AuthoredEntity;
import dev.tandem.platform.persistence.Exists;
import dev.tandem.platform.time.Now;

/** A program: a group of projects with one accountable owner. */
@Entity
@Table(name = "program")
public class Program extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "program_key", nullable = false, length = 10)
    String key;

    @Column(nullable = false, length = 200)
    String name;

    @Column(length = 4000)
    String description;

    @Column(length = 200)
    String owner;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Program() {
    }

    public static Program create(String key, String name, String description, String owner) {
        Program p = new Program();
        p.id = UUID.randomUUID();
        p.key = normaliseKey(key);
        p.name = name.strip();
        p.description = description;
        p.owner = owner;
        p.createdAt = Now.instant();
        p.updatedAt = p.createdAt;
        return p;
    }

    /**
     * Applies the given changes (null = unchanged).
     *
     * @return whether anything changed
     */
    public boolean update(String newKey, String newName, String newDescription, String newOwner) {
        boolean changed = false;
        if (newKey != null && !normaliseKey(newKey).equals(key)) {
            key = normaliseKey(newKey);
            changed = true;
        }
        if (newName != null && !newName.strip().equals(name)) {
            name = newName.strip();
            changed = true;
        }
        if (newDescription != null && !Objects.equals(newDescription, description)) {
            description = newDescription;
            changed = true;
        }
        if (newOwner != null && !Objects.equals(newOwner, owner)) {
            owner = newOwner;
            changed = true;
        }
        if (changed) {
            updatedAt = Now.instant();
        }
        return changed;
    }

    public static String normaliseKey(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether another program than {@code except} (may be null) has this key, whatever its case. */
    public static boolean keyTaken(String key, UUID except) {
        return except == null
                ? Exists.any(getEntityManager(), "Program", "key = ?1", normaliseKey(key))
                : Exists.any(getEntityManager(), "Program", "key = ?1 and id <> ?2", normaliseKey(key), except);
    }

    /** Programs oldest first, strictly after the (createdAt, id) keyset position. */
    public static List<Program> page(Instant afterCreatedAt, UUID afterId, int fetchSize) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (afterCreatedAt != null) {
            where.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            params.put("t", afterCreatedAt);
            params.put("id", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, fetchSize).list();
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
