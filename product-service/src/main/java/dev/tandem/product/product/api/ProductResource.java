package dev.tandem.product.product.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.events.EventType;
import dev.tandem.platform.history.History;
import dev.tandem.platform.history.HistoryPage;
import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.security.Actors;
import dev.tandem.platform.time.Now;
import dev.tandem.platform.web.Versions;
import dev.tandem.product.demand.FeedbackReplicas;
import dev.tandem.product.feature.Feature;
import dev.tandem.product.objective.Objective;
import dev.tandem.product.product.ChangeLifecycleRequest;
import dev.tandem.product.product.CreateProductRequest;
import dev.tandem.product.product.LifecycleChange;
import dev.tandem.product.product.LifecycleChangeView;
import dev.tandem.product.product.LifecycleStage;
import dev.tandem.product.product.Product;
import dev.tandem.product.product.ProductEvents;
import dev.tandem.product.product.ProductSort;
import dev.tandem.product.product.ProductView;
import dev.tandem.product.product.UpdateProductRequest;
import dev.tandem.product.release.Release;
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

    @Inject
    FeedbackReplicas feedback;

    @Inject
    Actors actors;

    @Inject
    History history;

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
            return Versions.withETag(Response.created(URI.create(PATH + "/" + product.id())), product.version())
                    .entity(ProductView.of(product))
                    .build();
        });
    }

    @GET
    @Operation(operationId = "listProducts", summary = "List products",
            description = "Cursor-paginated: follow nextCursor (or the Link header) for the next page. Filters combine "
                    + "(AND). sort: createdAt (default, oldest first), -createdAt (newest first), name, key; a cursor "
                    + "is valid only with the sort that produced it.")
    @APIResponse(responseCode = "200", description = "One page of products",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only products in this lifecycle stage")
                         @QueryParam("lifecycleStage") LifecycleStage stage,
                         @Parameter(description = "Only products of this owner (exact match)", example = "ana.pm@example.com")
                         @QueryParam("owner") String owner,
                         @Parameter(description = "Text contained in key, name or vision (case-insensitive)", example = "checkout")
                         @QueryParam("q") @Size(max = 200) String q,
                         @Parameter(description = "Order: createdAt, -createdAt, name or key",
                                 schema = @Schema(enumeration = {"createdAt", "-createdAt", "name", "key"}))
                         @QueryParam("sort") String sort,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        ProductSort order = ProductSort.parse(sort);
        List<Product> rows = Product.page(stage, owner, q, order, page.after(), page.fetchSize());
        Page<ProductView> result = Page.of(rows, page, ProductView::of, order::cursorOf);
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ProductPage")
    record ProductPage(List<ProductView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProduct", summary = "Get a product",
            description = "The product with its key, vision, target segments, owner and lifecycle stage. The ETag is its version, needed in If-Match to update it, change its lifecycle or pivot it; If-None-Match gives a 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The product",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to update"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Product product = find(id);
        return Versions.ok(ProductView.of(product), product.version(), ifNoneMatch);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateProduct", summary = "Update a product",
            description = "Changes name, vision, target segments and/or owner; absent fields stay as they are, an empty "
                    + "vision or owner clears it. The key is immutable. Vision and target segments are editable only "
                    + "while the product is in CONCEPT; after that they change only through a pivot with evidence "
                    + "(POST /api/v1/products/{id}/pivots), and an edit that tries answers 409 naming the field. "
                    + "Requires If-Match with the current ETag. Publishes dev.tandem.product.updated.v1 when something "
                    + "changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateProductRequest.class),
            examples = @ExampleObject(name = "rename", value = """
                    {"name": "Checkout & Pay", "targetSegments": ["SMB"], "owner": "li.pm@example.com"}""")))
    @APIResponse(responseCode = "200", description = "The updated product",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateProductRequest request) {
        Product product = find(id);
        Versions.requireIfMatch(ifMatch, product.version());
        if (request.key() != null && !Product.normaliseKey(request.key()).equals(product.key())) {
            throw ProblemException.badRequest("key is immutable",
                    new Problem.FieldError("key", "cannot be changed (is " + product.key() + ")"));
        }
        product.requireNoStrategyEdit(request.vision(), request.targetSegments());
        if (product.update(request.name(), request.vision(), request.targetSegments(), request.owner(), Now.instant())) {
            Product.flush();
            events.updated(product);
        }
        return Versions.ok(ProductView.of(product), product.version());
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "deleteProduct", summary = "Delete a product",
            description = "Only while CONCEPT and with nothing linked (no features, no objectives, no releases, no feedback "
                    + "filed against it); else a 409 naming each. Requires If-Match. "
                    + "Publishes dev.tandem.product.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch) {
        Product product = find(id);
        Versions.requireIfMatch(ifMatch, product.version());
        product.requireDeletable(Feature.countForProduct(id), Objective.countForProduct(id),
                Release.count("productId", id), feedback.countForProduct(id));
        events.deleted(product, Now.instant());
        product.delete();
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/lifecycle")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeProductLifecycle", summary = "Move a product to another lifecycle stage",
            description = "CONCEPT → DEVELOPMENT → LAUNCHED → GROWTH → MATURITY → DECLINE → RETIRED: forward only, "
                    + "stages may be skipped, RETIRED from any stage, nothing after RETIRED. A refused move is a 409 "
                    + "naming the allowed next stages. Requires If-Match. The change is recorded (see "
                    + "lifecycle-history) with the authenticated caller as who made it (changedBy, createdBy); "
                    + "onBehalfOf optionally names whose decision the caller records, next to it. "
                    + "dev.tandem.product.lifecycle-changed.v1 is published.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeLifecycleRequest.class),
            examples = @ExampleObject(name = "develop", value = """
                    {"stage": "DEVELOPMENT", "reason": "Discovery done; building the MVP.", "onBehalfOf": "ana.pm@example.com"}""")))
    @APIResponse(responseCode = "200", description = "The product in its new stage",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeLifecycle(@PathParam("id") UUID id,
                                    @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                                    @Valid @NotNull ChangeLifecycleRequest request) {
        Product product = find(id);
        Versions.requireIfMatch(ifMatch, product.version());
        LifecycleChange change = product.moveTo(request.stage(), request.reason().strip(), actors.current().name(),
                request.behalf(), Now.instant());
        change.persist();
        Product.flush();
        events.lifecycleChanged(product, change);
        return Versions.ok(ProductView.of(product), product.version());
    }

    @GET
    @Path("/{id}/lifecycle-history")
    @Operation(operationId = "listProductLifecycleHistory", summary = "A product's lifecycle changes, newest first",
            description = "Who moved the product from which stage to which, when and why. Cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = LifecycleChangePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response lifecycleHistory(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        List<LifecycleChange> rows = LifecycleChange.page(id, page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<LifecycleChangeView> result = Page.of(rows, page, LifecycleChangeView::of,
                c -> Cursor.of(c.changedAt(), c.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "LifecycleChangePage")
    record LifecycleChangePage(List<LifecycleChangeView> items, String nextCursor) {
    }

    static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2026-11-23T08:02:11.204518Z",
               "actor": {"subject": "u-7f3a", "kind": "PERSON", "name": "Ana Lima"},
               "eventType": "dev.tandem.product.lifecycle-changed.v1",
               "changes": {"lifecycleStage": {"from": "CONCEPT", "to": "DEVELOPMENT"}}},
              {"at": "2026-11-22T09:15:00.118204Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
               "eventType": "dev.tandem.product.created.v1",
               "changes": {"key": {"from": null, "to": "CHK"}, "name": {"from": null, "to": "Checkout"},
                           "targetSegments": {"from": null, "to": ["SMB"]},
                           "lifecycleStage": {"from": null, "to": "CONCEPT"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getProductHistory", summary = "A product's history: who changed what, newest first",
            description = "One entry per change of the product (created, edited, lifecycle moves, pivots): when "
                    + "(at), who (actor: the caller the gateway authenticated, or product-service itself), the event "
                    + "it published (eventType) and each field of the product's view that changed, from → to (on "
                    + "creation every field set, from null). Kept for as long as the product exists, independently "
                    + "of the event retention. Cursor-paginated; needs products:read.")
    @APIResponse(responseCode = "200", description = "One page of the product's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.PRODUCT_CREATED.aggregateType(), id, page), page, uri);
    }

    private static Product find(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ProblemException.notFound("product", id);
        }
        return product;
    }
}
