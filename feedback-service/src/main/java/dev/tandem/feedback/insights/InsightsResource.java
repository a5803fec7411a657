package dev.tandem.feedback.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.feedback.nps.NpsFigures;
import dev.tandem.platform.money.Money;
import dev.tandem.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a product's customers say, in one call (the gateway's product overview embeds it). */
@Path("/api/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "Per product: demand, tags, themes, sentiment and NPS trends, unanswered feedback.")
public class InsightsResource {

    static final int TOP = 10;
    /** Themes are taken from the product's most recent items only, to bound the work. */
    static final int THEME_SAMPLE = 5000;

    @Schema(name = "DemandedFeature")
    public record DemandedFeature(UUID featureId, @Schema(example = "One-click checkout") String title,
                                  @Schema(example = "PLANNED") String status,
                                  @Schema(example = "12") long linkedFeedback,
                                  @Schema(example = "9") long distinctCustomers,
                                  @Schema(description = "Sum of the distinct customers' annual revenue, per currency.")
                                  List<Money> revenue) {
    }

    @Schema(name = "TagCount")
    public record TagCount(@Schema(example = "performance") String tag, @Schema(example = "17") long count) {
    }

    @Schema(name = "SentimentMonth")
    public record SentimentMonth(@Schema(example = "2026-11") String month, long feedback,
                                 @Schema(example = "-0.214") BigDecimal averageScore,
                                 long negative, long neutral, long positive) {
    }

    @Schema(name = "Unanswered")
    public record Unanswered(@Schema(description = "All feedback items of the product.", example = "120") long total,
                             @Schema(description = "Items still NEW or TRIAGED.", example = "30") long unanswered,
                             @Schema(description = "unanswered / total, 0…1, three decimals; null without feedback.", example = "0.250") BigDecimal share,
                             @Schema(description = "Median days since the unanswered items were received, one decimal; null when none.", example = "6.5") BigDecimal medianAgeDays) {
    }

    @Schema(name = "Insights")
    public record Insights(UUID productId,
                           @Schema(description = "Top 10 by distinct customers, then linked feedback items.") List<DemandedFeature> mostDemandedFeatures,
                           @Schema(description = "Top 10 tags by feedback items.") List<TagCount> topTags,
                           @Schema(description = "Top 10 terms of the most recent 5000 items' titles and texts, stop-words removed.") List<Themes.Theme> themes,
                           @Schema(description = "Per month (UTC) of receipt, oldest first.") List<SentimentMonth> sentimentTrend,
                           @Schema(description = "NPS per month (UTC) of the answers, oldest first.") List<dev.tandem.feedback.nps.NpsViews.Month> npsTrend,
                           Unanswered unanswered) {
    }

    @GET
    @Path("/{productId}")
    @Operation(operationId = "getProductInsights", summary = "Insights about a product's feedback",
            description = "Most-demanded features (linked feedback items, distinct customers, their annual revenue per "
                    + "currency), top tags, themes (frequent terms, stop-words removed), sentiment and NPS per month, "
                    + "and the share of feedback still unanswered (NEW or TRIAGED) with its median age. 404 for a "
                    + "product not in the catalog.")
    @APIResponse(responseCode = "200", description = "The insights",
            content = @Content(schema = @Schema(implementation = Insights.class),
                    examples = @ExampleObject(name = "insights", value = """
                            {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                             "mostDemandedFeatures": [{"featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "title": "Bulk export",
                               "status": "PLANNED", "linkedFeedback": 12, "distinctCustomers": 9,
                               "revenue": [{"amount": "1450000.00", "currency": "EUR"}]}],
                             "topTags": [{"tag": "performance", "count": 17}],
                             "themes": [{"term": "export", "count": 42}],
                             "sentimentTrend": [{"month": "2026-11", "feedback": 40, "averageScore": -0.214, "negative": 20, "neutral": 12, "positive": 8}],
                             "npsTrend": [{"month": "2026-11", "nps": {"responses": 4, "promoters": 2, "passives": 1, "detractors": 1, "nps": 25.0}}],
                             "unanswered": {"total": 120, "unanswered": 30, "share": 0.250, "medianAgeDays": 6.5}}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Insights get(@PathParam("productId") UUID productId) {
        if (CatalogProduct.findById(productId) == null) {
            throw ProblemException.notFound("product", productId);
        }
        EntityManager em = CatalogProduct.getEntityManager();
        return new Insights(productId, demanded(em, productId), tags(em, productId), themes(em, productId),
                sentiment(em, productId), NpsFigures.monthly(productId), unanswered(em, productId));
    }

    @SuppressWarnings("unchecked")
    private static List<DemandedFeature> demanded(EntityManager em, UUID productId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT l.feature_id, cf.title, cf.status, count(*) AS items, count(DISTINCT f.customer_id) AS customers
                        FROM feedback_link l JOIN feedback f ON f.id = l.feedback_id
                        LEFT JOIN catalog_feature cf ON cf.id = l.feature_id
                        WHERE l.product_id = ?1
                        GROUP BY l.feature_id, cf.title, cf.status
                        ORDER BY customers DESC, items DESC, l.feature_id LIMIT ?2""")
                .setParameter(1, productId).setParameter(2, TOP).getResultList();
        List<DemandedFeature> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID featureId = (UUID) r[0];
            List<Object[]> revenue = em.createNativeQuery("""
                            SELECT c.revenue_currency, sum(c.revenue_amount) FROM customer c
                            WHERE c.revenue_amount IS NOT NULL AND c.id IN (
                                SELECT f.customer_id FROM feedback_link l JOIN feedback f ON f.id = l.feedback_id
                                WHERE l.feature_id = ?1)
                            GROUP BY c.revenue_currency ORDER BY c.revenue_currency""")
                    .setParameter(1, featureId).getResultList();
            out.add(new DemandedFeature(featureId, (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(), revenue.stream()
                    .map(m -> Money.of((BigDecimal) m[1], ((String) m[0]).strip())).toList()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<TagCount> tags(EntityManager em, UUID productId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT t.tag, count(*) FROM feedback f, unnest(f.tags) AS t(tag)
                        WHERE f.product_id = ?1 GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT ?2""")
                .setParameter(1, productId).setParameter(2, TOP).getResultList();
        return rows.stream().map(r -> new TagCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Themes.Theme> themes(EntityManager em, UUID productId) {
        List<String> texts = em.createNativeQuery("""
                        SELECT f.title || ' ' || f.text FROM feedback f WHERE f.product_id = ?1
                        ORDER BY f.received_at DESC LIMIT ?2""")
                .setParameter(1, productId).setParameter(2, THEME_SAMPLE).getResultList();
        return Themes.of(texts, TOP);
    }

    @SuppressWarnings("unchecked")
    private static List<SentimentMonth> sentiment(EntityManager em, UUID productId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT to_char(f.received_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*), avg(f.sentiment_score),
                               count(*) FILTER (WHERE f.sentiment_label = 'negative'),
                               count(*) FILTER (WHERE f.sentiment_label = 'neutral'),
                               count(*) FILTER (WHERE f.sentiment_label = 'positive')
                        FROM feedback f WHERE f.product_id = ?1 GROUP BY 1 ORDER BY 1""")
                .setParameter(1, productId).getResultList();
        return rows.stream().map(r -> new SentimentMonth((String) r[0], ((Number) r[1]).longValue(),
                new BigDecimal(r[2].toString()).setScale(3, RoundingMode.HALF_UP), ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();
    }

    private static Unanswered unanswered(EntityManager em, UUID productId) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE f.status IN ('NEW', 'TRIAGED')),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM now() - f.received_at) / 86400)
                                   FILTER (WHERE f.status IN ('NEW', 'TRIAGED'))
                        FROM feedback f WHERE f.product_id = ?1""")
                .setParameter(1, productId).getSingleResult();
        long total = ((Number) r[0]).longValue();
        long open = ((Number) r[1]).longValue();
        BigDecimal share = total == 0 ? null
                : BigDecimal.valueOf(open).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP);
        BigDecimal median = r[2] == null ? null
                : new BigDecimal(r[2].toString()).setScale(1, RoundingMode.HALF_UP);
        return new Unanswered(total, open, share, median);
    }
}
