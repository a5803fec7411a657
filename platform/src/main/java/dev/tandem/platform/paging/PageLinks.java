package dev.tandem.platform.paging;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The RFC 8288 {@code Link: <…>; rel="next"} header of a page.
 *
 * <p>The link is a path-absolute reference (no scheme or host: the service does not know the host name clients use
 * through the gateway), the request's path with all its other query parameters kept (filters, sorts) and
 * {@code cursor} and {@code limit} set for the next page.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /** The next page's URI reference, when there is a next page. */
    public static Optional<URI> next(Page<?> page, PageRequest request, UriInfo uriInfo) {
        return next(page.nextCursor(), request.limit(), uriInfo);
    }

    /**
     * The next page's URI reference for a list with a page shape or limits of its own (null {@code nextCursor}: no
     * next page).
     */
    public static Optional<URI> next(String nextCursor, int limit, UriInfo uriInfo) {
        if (nextCursor == null) {
            return Optional.empty();
        }
        URI absolute = uriInfo.getRequestUriBuilder()
                .replaceQueryParam(Cursor.PARAM, nextCursor)
                .replaceQueryParam(PageRequest.LIMIT_PARAM, limit)
                .build();
        String query = absolute.getRawQuery();
        return Optional.of(URI.create(absolute.getRawPath() + (query == null ? "" : "?" + query)));
    }

    /** The header value: {@code </api/v1/products?cursor=…&limit=50>; rel="next"}. */
    public static Optional<String> nextHeader(Page<?> page, PageRequest request, UriInfo uriInfo) {
        return nextHeader(page.nextCursor(), request.limit(), uriInfo);
    }

    /** The header value for {@link #next(String, int, UriInfo)}. */
    public static Optional<String> nextHeader(String nextCursor, int limit, UriInfo uriInfo) {
        return next(nextCursor, limit, uriInfo).map(uri -> "<" + uri + ">; rel=\"next\"");
    }

    /** Adds the Link header (when there is a next page) to a response being built. */
    public static Response.ResponseBuilder withLinks(Response.ResponseBuilder response, Page<?> page,
            PageRequest request, UriInfo uriInfo) {
        nextHeader(page, request, uriInfo).ifPresent(link -> response.header("Link", link));
        return response;
    }

    /** 200 with the page as body and its Link header. */
    public static Response ok(Page<?> page, PageRequest request, UriInfo uriInfo) {
        return withLinks(Response.ok(page), page, request, uriInfo).build();
    }
}
