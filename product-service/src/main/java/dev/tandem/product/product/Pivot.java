package dev.tandem.product.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.persistence.AuthoredEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One pivot of a product: vision and segments before and after, rationale and evidence, who pivoted (the verified
 * caller) and on whose behalf if the caller says so. Never changes.
 */
@Entity
@Table(name = "product_pivot")
public class Pivot extends AuthoredEntity {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    UUID id;

    @Column(name = "product_id", nullable = false)
    UUID productId;

    @Column(name = "vision_before", length = 4000)
    String visionBefore;

    @Column(name = "vision_after", length = 4000)
    String visionAfter;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "segments_before", nullable = false)
    List<String> segmentsBefore = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "segments_after", nullable = false)
    List<String> segmentsAfter = new ArrayList<>();

    @Column(nullable = false, length = 4000)
    String rationale;

    @Column(nullable = false)
    String evidence;

    /** The verified caller's name (rows older than actors: what the client wrote, if anything). */
    @Column(name = "pivoted_by", length = 200)
    String pivotedBy;

    /** Whose decision the caller recorded, as the caller says. */
    @Column(name = "on_behalf_of", length = 200)
    String onBehalfOf;

    @Column(name = "pivoted_at", nullable = false)
    Instant pivotedAt;

    protected Pivot() {
    }

    public static Pivot of(UUID productId, String visionBefore, List<String> segmentsBefore, String visionAfter,
                    List<String> segmentsAfter, String rationale, List<PivotRequest.Evidence> evidence,
                    String pivotedBy, String onBehalfOf, Instant at) {
        Pivot p = new Pivot();
        p.id = UUID.randomUUID();
        p.productId = productId;
        p.visionBefore = visionBefore;
        p.segmentsBefore = new ArrayList<>(segmentsBefore);
        p.visionAfter = visionAfter;
        p.segmentsAfter = new ArrayList<>(segmentsAfter);
        p.rationale = rationale.strip();
        try {
            p.evidence = JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.pivotedBy = pivotedBy;
        p.onBehalfOf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
        p.pivotedAt = at;
        return p;
    }

    /** Newest first, keyset-paged on (pivotedAt, id). */
    public static List<Pivot> page(UUID productId, Instant afterAt, UUID afterId, int fetchSize) {
        Map<String, Object> params = new HashMap<>();
        params.put("p", productId);
        String where = "productId = :p";
        if (afterAt != null) {
            where += " and (pivotedAt < :t or (pivotedAt = :t and id < :id))";
            params.put("t", afterAt);
            params.put("id", afterId);
        }
        return find(where + " order by pivotedAt desc, id desc", params).page(0, fetchSize).list();
    }

    List<PivotRequest.Evidence> evidence() {
        try {
            return JSON.readValue(evidence, new TypeReference<List<PivotRequest.Evidence>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID id() {
        return id;
    }

    public Instant pivotedAt() {
        return pivotedAt;
    }
}
