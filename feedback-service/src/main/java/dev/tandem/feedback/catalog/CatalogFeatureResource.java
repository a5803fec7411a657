package dev.tandem.feedback.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog/features")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogFeatureResource {

    @GET
    @Operation(operationId = "listCatalogFeatures", summary = "List a product's features as feedback-service knows them",
            description = "Cursor-paginated in id order: follow nextCursor (or the Link header) for the next page. "
                    + "productId is required. Deleted features are left out.")
    @APIResponse(responseCode = "200", description = "One page of features",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = CatalogFeaturePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@Parameter(description = "The product whose features to list", required = true,
                                 example = "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50")
                         @QueryParam("productId") UUID productId,
                         @BeanParam PageParams params, @Context UriInfo uri) {
        if (productId == null) {
            throw ProblemException.badRequest("productId is required",
                    new Problem.FieldError("productId", "must not be null"));
        }
        PageRequest page = params.toPageRequest();
        List<CatalogFeature> rows = CatalogFeature.page(productId, page.after() == null ? null : page.after().uuid(0),
                page.fetchSize());
        Page<CatalogFeatureView> result = Page.of(rows, page, CatalogFeatureView::of, f -> Cursor.of(f.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "CatalogFeaturePage")
    record CatalogFeaturePage(List<CatalogFeatureView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCatalogFeature", summary = "A feature as feedback-service knows it",
            description = "Eventually consistent with product-service: a feature appears here shortly after its "
                    + "dev.tandem.feature.created.v1 event and follows its updated/status-changed/committed/rejected "
                    + "events. After dev.tandem.feature.deleted.v1 it is still returned, with deletedAt set, so links "
                    + "from existing feedback stay resolvable.")
    @APIResponse(responseCode = "200", description = "The feature",
            content = @Content(schema = @Schema(implementation = CatalogFeatureView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CatalogFeatureView get(@PathParam("id") UUID id) {
        CatalogFeature feature = CatalogFeature.findById(id);
        if (feature == null) {
            throw ProblemException.notFound("feature", id);
        }
        return CatalogFeatureView.of(feature);
    }
}
