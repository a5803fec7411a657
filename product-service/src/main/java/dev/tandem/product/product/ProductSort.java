package dev.tandem.product.product;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/**
 * The orders of {@code GET /api/v1/products?sort=…}. Each is a keyset order on (sort key, id); the cursor carries
 * the sort's name, the last row's sort key and its id, so a cursor is only valid for the sort that produced it.
 */
public enum ProductSort {
    CREATED_AT("createdAt", "createdAt", false),
    CREATED_AT_DESC("-createdAt", "createdAt", true),
    NAME("name", "name", false),
    KEY("key", "key", false);

    public static final String PARAM = "sort";
    public static final String ALLOWED = "createdAt, -createdAt, name, key";

    final String param;
    final String property;
    final boolean descending;

    ProductSort(String param, String property, boolean descending) {
        this.param = param;
        this.property = property;
        this.descending = descending;
    }

    /** The sort named by the query parameter; createdAt when absent. 400 naming {@code sort} when unknown. */
    public static ProductSort parse(String value) {
        if (value == null || value.isBlank()) {
            return CREATED_AT;
        }
        return Arrays.stream(values()).filter(s -> s.param.equals(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("sort must be one of " + ALLOWED,
                        new Problem.FieldError(PARAM, "must be one of [" + ALLOWED + "]")));
    }

    public Cursor cursorOf(Product p) {
        Object key = switch (this) {
            case CREATED_AT, CREATED_AT_DESC -> p.createdAt();
            case NAME -> p.name();
            case KEY -> p.key();
        };
        return Cursor.of(param, key, p.id());
    }

    /** The sort-key value of a cursor this sort produced; 400 naming {@code cursor} for any other cursor. */
    Object keyOf(Cursor c) {
        if (c.size() != 3 || !param.equals(c.string(0))) {
            throw Cursor.invalid();
        }
        return this == CREATED_AT || this == CREATED_AT_DESC ? c.instant(1) : c.string(1);
    }

    public String param() {
        return param;
    }

    static String names() {
        return Arrays.stream(values()).map(s -> s.param).collect(Collectors.joining(", "));
    }
}
