package dev.tandem.feedback.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The products and features feedback can be filed against, replicated from product-service's events.")
public class CatalogResource {

    @GET
    @Operation(operationId = "listCatalogProducts", summary = "List the products feedback can be filed against",
            description = "Cursor-paginated in id order: follow nextCursor (or the Link header) for the next page. "
                    + "Deleted products are left out (they take no new feedback).")
    @APIResponse(responseCode = "200", description = "One page of products",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = CatalogProductPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        List<CatalogProduct> rows = CatalogProduct.page(page.after() == null ? null : page.after().uuid(0),
                page.fetchSize());
        Page<CatalogProductView> result = Page.of(rows, page, CatalogProductView::of, p -> Cursor.of(p.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "CatalogProductPage")
    record CatalogProductPage(List<CatalogProductView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCatalogProduct", summary = "A product as feedback-service knows it",
            description = "Eventually consistent with product-service: a product appears here shortly after its "
                    + "dev.tandem.product.created.v1 event and follows its updated/lifecycle-changed events. After "
                    + "dev.tandem.product.deleted.v1 it is still returned, with deletedAt set, and takes no new "
                    + "feedback.")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = CatalogProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the catalog (yet)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = dev.tandem.platform.problem.Problem.class)))
    public CatalogProductView get(@PathParam("id") UUID id) {
        CatalogProduct product = CatalogProduct.findById(id);
        if (product == null) {
            throw ProblemException.notFound("product", id);
        }
        return CatalogProductView.of(product);
    }
}
