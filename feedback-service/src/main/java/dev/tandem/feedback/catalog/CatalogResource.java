package dev.tandem.feedback.catalog;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The products and features feedback can be filed against, replicated from product-service's events.")
public class CatalogResource {

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCatalogProduct", summary = "A product as feedback-service knows it",
            description = "Eventually consistent with product-service: a product appears here shortly after its "
                    + "dev.tandem.product.created.v1 event.")
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
