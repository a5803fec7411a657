package dev.tandem.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..."}}; {@code nextCursor} is absent on the last page.
 *
 * @param items      the items of this page, at most the requested limit
 * @param nextCursor pass it as {@code cursor} to get the next page; null on the last page
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page",
                example = "WyIyMDI0LTA1LTMxVDEyOjAwOjAwWiIsIjZmMWMyYzFlIl0") String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()} (limit + 1): a row beyond the limit means
     * there is a next page, whose cursor is made from the last row kept.
     *
     * @param fetched  rows in sort order, at most limit + 1
     * @param request  the page request they were fetched for
     * @param toItem   maps a row to what the API returns
     * @param cursorOf the sort-key values of a row, in sort order
     */
    public static <R, T> Page<T> of(List<R> fetched, PageRequest request, Function<? super R, ? extends T> toItem,
            Function<? super R, Cursor> cursorOf) {
        boolean more = fetched.size() > request.limit();
        List<R> kept = more ? fetched.subList(0, request.limit()) : fetched;
        List<T> items = new ArrayList<>(kept.size());
        for (R row : kept) {
            items.add(toItem.apply(row));
        }
        String next = more ? cursorOf.apply(kept.get(kept.size() - 1)).encode() : null;
        return new Page<>(items, next);
    }

    /** {@link #of(List, PageRequest, Function, Function)} when the rows are the items. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<? super T, Cursor> cursorOf) {
        return of(fetched, request, Function.identity(), cursorOf);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
