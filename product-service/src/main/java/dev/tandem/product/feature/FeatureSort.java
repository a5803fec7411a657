package dev.tandem.product.feature;

import java.math.BigDecimal;

import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.SortParam;

/**
 * The orders of {@code GET /api/v1/features?sort=…}: keyset orders on (sort key, id). Features without a score sort
 * as if their score were -1 (last with -score, first with score); features without linked feedback have demand 0.
 * The cursor carries the sort's name, the last row's
 * sort key and its id, so a cursor is only valid for the sort that produced it.
 */
public enum FeatureSort {
    CREATED_AT("createdAt", "f.createdAt", false),
    CREATED_AT_DESC("-createdAt", "f.createdAt", true),
    SCORE("score", "coalesce(f.score, -1)", false),
    SCORE_DESC("-score", "coalesce(f.score, -1)", true),
    DEMAND("demand", "coalesce(d.weightedDemand, 0)", false),
    DEMAND_DESC("-demand", "coalesce(d.weightedDemand, 0)", true);

    private static final BigDecimal NO_SCORE = BigDecimal.valueOf(-1);

    final String param;
    final String expression;
    final boolean descending;

    FeatureSort(String param, String expression, boolean descending) {
        this.param = param;
        this.expression = expression;
        this.descending = descending;
    }

    /** The sort named by the query parameter; createdAt when absent. 400 naming {@code sort} when unknown. */
    public static FeatureSort parse(String value) {
        return SortParam.parse(value, FeatureSort.class, s -> s.param, CREATED_AT);
    }

    /** The cursor after this row; {@code demand} is the row's weighted demand (null = none). */
    public Cursor cursorOf(Feature f, BigDecimal demand) {
        Object key = switch (this) {
            case SCORE, SCORE_DESC -> (f.score == null ? NO_SCORE : f.score).toPlainString();
            case DEMAND, DEMAND_DESC -> (demand == null ? BigDecimal.ZERO : demand).toPlainString();
            default -> f.createdAt;
        };
        return Cursor.of(param, key, f.id);
    }

    Object keyOf(Cursor c) {
        if (c.size() != 3 || !param.equals(c.string(0))) {
            throw Cursor.invalid();
        }
        if (!hasDecimalKey()) {
            return c.instant(1);
        }
        try {
            return new BigDecimal(c.string(1));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }

    private boolean hasDecimalKey() {
        return this != CREATED_AT && this != CREATED_AT_DESC;
    }
}
