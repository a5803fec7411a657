package dev.tandem.product.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.persistence.AuthoredEntity;

/** One recorded value of a key result. Append-only. */
@Entity
@Table(name = "key_result_measurement")
public class Measurement extends AuthoredEntity {

    @Id
    UUID id;

    @Column(name = "key_result_id", nullable = false)
    UUID keyResultId;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal value;

    @Column(name = "measured_at", nullable = false)
    Instant measuredAt;

    @Column(nullable = false, length = 200)
    String source;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected Measurement() {
    }

    Measurement(UUID keyResultId, BigDecimal value, Instant measuredAt, String source, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.keyResultId = keyResultId;
        this.value = value;
        this.measuredAt = measuredAt;
        this.source = source.strip();
        this.recordedAt = recordedAt;
    }

    /** One page of a key result's measurements, oldest measuredAt first (keyset on measuredAt, id). */
    /** The product whose key result a measurement is of; empty when there is no such measurement. */
    public static java.util.Optional<UUID> productOf(UUID measurementId) {
        List<?> rows = getEntityManager().createNativeQuery("""
                SELECT o.product_id FROM key_result_measurement m
                  JOIN key_result k ON k.id = m.key_result_id
                  JOIN objective o ON o.id = k.objective_id
                 WHERE m.id = ?1""").setParameter(1, measurementId).getResultList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of((UUID) rows.get(0));
    }

    public static List<Measurement> page(UUID keyResultId, Cursor after, int fetchSize) {
        if (after == null) {
            return find("keyResultId = ?1 order by measuredAt, id", keyResultId).page(0, fetchSize).list();
        }
        if (after.size() != 2) {
            throw Cursor.invalid();
        }
        return find("keyResultId = ?1 and (measuredAt > ?2 or (measuredAt = ?2 and id > ?3)) order by measuredAt, id",
                keyResultId, after.instant(0), after.uuid(1)).page(0, fetchSize).list();
    }

    public Cursor cursor() {
        return Cursor.of(measuredAt, id);
    }

    public UUID id() {
        return id;
    }

    public UUID keyResultId() {
        return keyResultId;
    }

    public BigDecimal value() {
        return KeyResult.plain(value);
    }

    public Instant measuredAt() {
        return measuredAt;
    }

    public String source() {
        return source;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
