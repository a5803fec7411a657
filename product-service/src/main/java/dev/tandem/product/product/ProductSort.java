package dev.tandem.product.product;

import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.SortParam;

/**
 * The orders of {@code GET /api/v1/products?sort=…}. Each is a keyset order on (sort key, id); the cursor carries
 * the sort's name, the last row's sort key and its id, so a cursor is only valid for the sort that produced it.
 */
public enum ProductSort {
    CREATED_AT("createdAt", "createdAt", false),
    CREATED_AT_DESC("-createdAt", "createdAt", true),
    NAME("name", "name", false),
    KEY("key", "key", false);

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
        return SortParam.parse(value, ProductSort.class, s -> s.param, CREATED_AT);
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
}
