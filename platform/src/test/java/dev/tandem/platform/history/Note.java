package dev.tandem.platform.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tandem.platform.persistence.AuthoredEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Test-only authored entity for the actor and history tests. */
@Entity
@Table(name = "test_note")
public class Note extends AuthoredEntity {

    @Id
    UUID id;

    @Column(nullable = false)
    String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> tags = new ArrayList<>();

    @Column(precision = 10, scale = 2)
    BigDecimal price;

    @Version
    long version;

    /** What the API shows, and the state the history compares. */
    public record View(UUID id, String text, List<String> tags, BigDecimal price, dev.tandem.platform.security.Actor createdBy,
                       dev.tandem.platform.security.Actor updatedBy, long version) {
        static View of(Note n) {
            return new View(n.id, n.text, List.copyOf(n.tags), n.price, n.createdBy(), n.updatedBy(), n.version);
        }
    }
}
