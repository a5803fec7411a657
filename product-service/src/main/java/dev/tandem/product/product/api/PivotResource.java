package dev.tandem.product.product.api;

import java.net.URI;
import java.time.Instant;
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
import dev.tandem.platform.security.Actors;
import dev.tandem.platform.time.Now;
import dev.tandem.platform.web.Versions;
import dev.tandem.product.demand.FeedbackReplicas;
import dev.tandem.product.objective.Measurement;
import dev.tandem.product.product.Pivot;
import dev.tandem.product.product.PivotEvidence;
import dev.tandem.product.product.PivotRequest;
import dev.tandem.product.product.PivotView;
import dev.tandem.product.product.Product;
import dev.tandem.product.product.ProductEvents;
import dev.tandem.product.product.ProductView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/products/{id}/pivots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class PivotResource {

    @Inject
    ProductEvents events;

    @Inject
    FeedbackReplicas feedback;

    @Inject
    Actors actors;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "pivotProduct", summary = "Pivot a product",
            description = "Changes the product's vision and/or target segments as a managed pivot, with a rationale "
                    + "and evidence: at least one feedback item this service knows (from feedback-service's events) "
                    + "or key-result measurement, about this product. No evidence, an incomplete reference, an "
                    + "unknown id or another product's feedback or measurement is a 422 naming each; a pivot that changes neither vision nor segments is a 422 naming vision. Requires the "
                    + "product's If-Match. Records the pivot (see GET) and publishes dev.tandem.product.pivoted.v1 "
                    + "with before and after. Who pivoted is the authenticated caller (pivotedBy, createdBy); "
                    + "onBehalfOf optionally names whose decision it records. The response is the product; Location "
                    + "names the pivot.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PivotRequest.class),
            examples = @ExampleObject(name = "enterprise", value = """
                    {"vision": "Repeat purchases in one click.", "targetSegments": ["SMB", "Enterprise"],
                     "rationale": "Enterprise buyers reorder weekly and churn over checkout friction.",
                     "onBehalfOf": "ana.pm@example.com",
                     "evidence": [{"type": "FEEDBACK", "feedbackId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
                                  {"type": "KEY_RESULT_MEASUREMENT", "measurementId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"}]}""")))
    @APIResponse(responseCode = "201", description = "Pivoted: the product after the pivot",
            headers = {@Header(name = "Location", description = "The product's pivot history"),
                    @Header(name = "ETag", description = "The product's new version")},
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response pivot(@PathParam("id") UUID id,
                          @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
                          @Valid @NotNull PivotRequest request) {
        Product product = find(id);
        Versions.requireIfMatch(ifMatch, product.version());
        PivotEvidence.check(request.evidence(),
                feedbackId -> PivotEvidence.standing(feedback.knowsFeedback(feedbackId),
                        feedback.productOfFeedback(feedbackId), product.id()),
                measurementId -> {
                    java.util.Optional<UUID> of = Measurement.productOf(measurementId);
                    return PivotEvidence.standing(of.isPresent(), of, product.id());
                });
        String visionBefore = product.vision();
        List<String> segmentsBefore = product.targetSegments();
        Instant now = Now.instant();
        if (!product.pivot(request.vision(), request.targetSegments(), now)) {
            throw ProblemException.unprocessable("a pivot must change the vision and/or the target segments",
                    new Problem.FieldError("vision", "neither vision nor targetSegments differ from the current ones"));
        }
        Pivot pivot = Pivot.of(id, visionBefore, segmentsBefore, product.vision(), product.targetSegments(),
                request.rationale(), request.evidence(), actors.current().name(), request.behalf(), now);
        pivot.persist();
        Product.flush();
        events.pivoted(product, pivot, PivotView.of(pivot));
        return Versions.withETag(Response.created(URI.create("/api/v1/products/" + id + "/pivots")), product.version())
                .entity(ProductView.of(product)).build();
    }

    @GET
    @Operation(operationId = "listProductPivots", summary = "A product's pivots, newest first",
            description = "Each with vision and segments before and after, rationale and evidence. Cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of pivots",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = PivotPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        List<Pivot> rows = Pivot.page(id, page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<PivotView> result = Page.of(rows, page, PivotView::of, p -> Cursor.of(p.pivotedAt(), p.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "PivotPage")
    record PivotPage(List<PivotView> items, String nextCursor) {
    }

    private static Product find(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ProblemException.notFound("product", id);
        }
        return product;
    }
}
