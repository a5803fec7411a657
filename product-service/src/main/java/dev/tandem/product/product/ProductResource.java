package dev.tandem.product.product;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Products, their vision, target segments and lifecycle stage.")
public class ProductResource {

    static final String PATH = "/api/v1/products";

    @Inject
    ProductEvents events;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "Creates a product in the CONCEPT stage and publishes dev.tandem.product.created.v1. "
                    + "Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateProductRequest.class),
            examples = @ExampleObject(name = "checkout", value = """
                    {"key": "CHK", "name": "Checkout", "vision": "Paying is the easiest step of buying.",
                     "targetSegments": ["SMB", "Enterprise"], "owner": "ana.pm@example.com"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the new product"),
                    @Header(name = "ETag", description = "Version of the new product")},
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; each offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A product with this key exists (keys are case-insensitive)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(in = ParameterIn.HEADER, description = "Makes the create safe to retry: the same key and body replay the first response.")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull CreateProductRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            if (Product.keyTaken(request.key())) {
                throw ProblemException.conflict("a product with key " + Product.normaliseKey(request.key()) + " exists",
                        new Problem.FieldError("key", "is already used by another product"));
            }
            Product product = Product.create(request.key(), request.name(), request.vision(),
                    request.targetSegments(), request.owner());
            product.persistAndFlush();
            events.created(product);
            return Response.created(URI.create(PATH + "/" + product.id()))
                    .tag(String.valueOf(product.version()))
                    .entity(ProductView.of(product))
                    .build();
        });
    }

    @GET
    @Operation(operationId = "listProducts", summary = "List products",
            description = "Oldest first, cursor-paginated: follow nextCursor (or the Link header) for the next page.")
    @APIResponse(responseCode = "200", description = "One page of products",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only products in this lifecycle stage")
                         @QueryParam("lifecycleStage") LifecycleStage stage,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        List<Product> rows = Product.page(stage, page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<ProductView> result = Page.of(rows, page, ProductView::of, p -> Cursor.of(p.createdAt(), p.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ProductPage")
    record ProductPage(List<ProductView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProduct", summary = "Get a product")
    @APIResponse(responseCode = "200", description = "The product",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to update"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ProblemException.notFound("product", id);
        }
        return Response.ok(ProductView.of(product)).tag(String.valueOf(product.version())).build();
    }
}
