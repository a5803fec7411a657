package dev.tandem.feedback.nps;

import java.util.List;
import java.util.UUID;

/**
 * The NPS queries: a survey's results and a product's NPS per month, counted in PostgreSQL with the thresholds of
 * {@link Nps.Category} (the SQL is built from them, so Java and SQL cannot disagree). Used by the NPS and the insights
 * resources.
 */
public final class NpsFigures {

    /** promoters, passives, detractors of the rows in scope, in that order. */
    private static final String COUNTS = """
            count(*) FILTER (WHERE score >= %d), count(*) FILTER (WHERE score BETWEEN %d AND %d),
                   count(*) FILTER (WHERE score <= %d)""".formatted(Nps.Category.PROMOTER_FROM,
            Nps.Category.PASSIVE_FROM, Nps.Category.PROMOTER_FROM - 1, Nps.Category.PASSIVE_FROM - 1);

    private static final String MONTHLY = """
            SELECT to_char(r.responded_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, %s
              FROM nps_response r JOIN nps_survey s ON s.id = r.survey_id
             WHERE s.product_id = ?1 GROUP BY 1 ORDER BY 1""".formatted(COUNTS);

    private static final String OF_SURVEY = "SELECT " + COUNTS + " FROM nps_response WHERE survey_id = ?1";

    private NpsFigures() {
    }

    /** A product's NPS per calendar month (UTC), oldest first. */
    public static List<NpsViews.Month> monthly(UUID productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NpsResponse.getEntityManager().createNativeQuery(MONTHLY)
                .setParameter(1, productId).getResultList();
        return rows.stream().map(r -> new NpsViews.Month((String) r[0], nps(r, 1))).toList();
    }

    /** The results of one survey so far. */
    static Nps ofSurvey(UUID surveyId) {
        Object[] r = (Object[]) NpsResponse.getEntityManager().createNativeQuery(OF_SURVEY)
                .setParameter(1, surveyId).getSingleResult();
        return nps(r, 0);
    }

    private static Nps nps(Object[] row, int from) {
        return Nps.of(((Number) row[from]).longValue(), ((Number) row[from + 1]).longValue(),
                ((Number) row[from + 2]).longValue());
    }
}
