package dev.tandem.platform.paging;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/**
 * The {@code limit} and {@code cursor} query parameters of a list operation, validated.
 *
 * <p>Keyset pagination: the cursor carries the sort-key values of the last item of the previous page, and the next
 * page is everything strictly after it in the same order. Fetch one item more than the limit to know whether there
 * is a next page ({@link #fetchSize()}), then build the page with {@link Page#of}:
 *
 * <pre>{@code
 * @GET
 * public Response list(@BeanParam PageParams params, @Context UriInfo uri) {
 *     PageRequest page = params.toPageRequest();
 *     List<Product> rows = page.after() == null
 *         ? em.createQuery("from Product order by createdAt, id", Product.class)
 *                 .setMaxResults(page.fetchSize()).getResultList()
 *         : em.createQuery("from Product where (createdAt, id) > (:t, :id) order by createdAt, id", Product.class)
 *                 .setParameter("t", page.after().instant(0))
 *                 .setParameter("id", page.after().uuid(1))
 *                 .setMaxResults(page.fetchSize()).getResultList();
 *     Page<ProductView> result = Page.of(rows, page, ProductView::of, p -> Cursor.of(p.createdAt, p.id));
 *     return PageLinks.ok(result, page, uri);
 * }
 * }</pre>
 *
 * In SQL: {@code select … from product where (created_at, id) > (:t, :id) order by created_at, id limit :n}, served
 * by an index on {@code (created_at, id)}; the id breaks ties so no row is skipped or repeated. A descending list
 * uses {@code <} and {@code order by created_at desc, id desc}. Store timestamps with microsecond precision (what
 * PostgreSQL keeps): a cursor carrying nanoseconds would not compare equal to the stored value.
 *
 * @param limit page size, 1..{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}
 * @param after the decoded cursor, or null for the first page
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final String LIMIT_PARAM = "limit";

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badLimit();
        }
    }

    /**
     * From the raw query parameter values (either may be null).
     *
     * @throws ProblemException 400 naming {@code limit} or {@code cursor}
     */
    public static PageRequest of(String limit, String cursor) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsed = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw badLimit();
            }
        }
        return of(parsed, cursor);
    }

    /** From an already converted limit (null = default). */
    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw badLimit();
        }
        return new PageRequest(l, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }

    /** The first page. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** How many rows to fetch: one more than the limit, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    public boolean isFirstPage() {
        return after == null;
    }

    private static ProblemException badLimit() {
        return ProblemException.badRequest("limit must be an integer from 1 to " + MAX_LIMIT,
                new Problem.FieldError(LIMIT_PARAM, "must be an integer from 1 to " + MAX_LIMIT));
    }
}
