package dev.tandem.platform.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The pagination query parameters, for {@code @BeanParam PageParams params} in a list operation. Both are read as
 * strings so that a bad value is a 400 problem naming the parameter ({@link PageRequest#of(String, String)}).
 */
public class PageParams {

    @QueryParam(PageRequest.LIMIT_PARAM)
    @Parameter(ref = "limit")
    public String limit;

    @QueryParam(Cursor.PARAM)
    @Parameter(ref = "cursor")
    public String cursor;

    public PageParams() {
    }

    public PageParams(String limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public PageRequest toPageRequest() {
        return PageRequest.of(limit, cursor);
    }
}
