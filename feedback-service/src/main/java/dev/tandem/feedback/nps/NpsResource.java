package dev.tandem.feedback.nps;

import java.net.URI;
import java.util.ArrayList;
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

import dev.tandem.events.EventType;
import dev.tandem.events.feedback.NpsSurveyCreated;
import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.platform.idempotency.Idempotency;
import dev.tandem.platform.outbox.Outbox;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.web.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** NPS surveys per product, the customers' answers, and NPS per survey and per product and month. */
@Path("/api/v1/nps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "NPS", description = "Net Promoter Score surveys and answers: NPS = % promoters (9-10) − % detractors (0-6).")
public class NpsResource {

    private static final String SURVEY_EXAMPLE = """
            {"id": "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", "productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
             "question": "How likely are you to recommend Checkout to a colleague?",
             "opensAt": "2026-11-01T00:00:00Z", "closesAt": "2026-12-01T00:00:00Z", "createdAt": "2026-10-30T09:00:00Z",
             "results": {"responses": 4, "promoters": 2, "passives": 1, "detractors": 1, "nps": 25.0}, "version": 0}""";
    private static final String RESPONSE_EXAMPLE = """
            {"id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b", "surveyId": "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
             "customerId": "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "score": 6, "category": "DETRACTOR",
             "comment": "Exports are too slow.", "feedbackId": "8e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b",
             "respondedAt": "2026-11-22T09:00:00Z"}""";

    @Inject
    Idempotency idempotency;

    @Inject
    Outbox outbox;

    @Inject
    NpsAnswers answers;

    @POST
    @Path("/surveys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createNpsSurvey", summary = "Create an NPS survey of a product",
            description = "The product must be a live product of the catalog (422 naming productId); closesAt must be "
                    + "after opensAt (422 naming closesAt). Answers are taken from opensAt (inclusive) until closesAt "
                    + "(exclusive). Publishes dev.tandem.nps.survey-created.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NpsRequests.CreateSurvey.class),
            examples = @ExampleObject(name = "november", value = """
                    {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                     "question": "How likely are you to recommend Checkout to a colleague?",
                     "opensAt": "2026-11-01T00:00:00Z", "closesAt": "2026-12-01T00:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the survey"),
                    @Header(name = "ETag", description = "Its version")},
            content = @Content(schema = @Schema(implementation = NpsViews.SurveyView.class),
                    examples = @ExampleObject(name = "survey", value = SURVEY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response createSurvey(@Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String key,
                                 @Valid @NotNull NpsRequests.CreateSurvey request) {
        return idempotency.execute(key, "POST /api/v1/nps/surveys", request, () -> {
            CatalogProduct product = CatalogProduct.findById(request.productId());
            if (product == null || !product.acceptsFeedback()) {
                throw ProblemException.unprocessable("product " + request.productId()
                        + " is not in the catalog or was deleted", new Problem.FieldError("productId",
                        "no such live product in the catalog"));
            }
            NpsSurvey survey = NpsSurvey.create(request.productId(), request.question(), request.opensAt(),
                    request.closesAt());
            survey.persistAndFlush();
            EventType type = EventType.NPS_SURVEY_CREATED;
            outbox.publish(type.topic(), type.aggregateType(), survey.id(), type.type(), new NpsSurveyCreated(
                    survey.id(), survey.productId(), survey.question(), survey.opensAt(), survey.closesAt(),
                    survey.createdAt(), survey.version()));
            return Versions.withETag(Response.created(URI.create("/api/v1/nps/surveys/" + survey.id())),
                    survey.version()).entity(NpsViews.SurveyView.of(survey, Nps.of(0, 0, 0))).build();
        });
    }

    @GET
    @Path("/surveys")
    @Operation(operationId = "listNpsSurveys", summary = "List NPS surveys",
            description = "Oldest first, cursor-paginated, optionally of one product; each with its results so far.")
    @APIResponse(responseCode = "200", description = "One page of surveys",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = NpsViews.SurveyPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + SURVEY_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response listSurveys(@BeanParam PageParams params,
                                @Parameter(description = "Only this product's surveys") @QueryParam("productId") UUID productId,
                                @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        if (page.after() != null && page.after().size() != 2) {
            throw Cursor.invalid();
        }
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        if (productId != null) {
            args.add(productId);
            q.append(" and productId = ?").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.after().instant(0));
            int t = args.size();
            args.add(page.after().uuid(1));
            q.append(" and (createdAt > ?").append(t).append(" or (createdAt = ?").append(t).append(" and id > ?")
                    .append(args.size()).append("))");
        }
        List<NpsSurvey> rows = NpsSurvey.<NpsSurvey>find(q + " order by createdAt, id", args.toArray())
                .page(0, page.fetchSize()).list();
        Page<NpsViews.SurveyView> result = Page.of(rows, page, s -> NpsViews.SurveyView.of(s, NpsFigures.ofSurvey(s.id())),
                s -> Cursor.of(s.createdAt(), s.id()));
        return PageLinks.ok(result, page, uri);
    }

    @GET
    @Path("/surveys/{id}")
    @Operation(operationId = "getNpsSurvey", summary = "Get a survey with its NPS",
            description = "results: responses, promoters (9-10), passives (7-8), detractors (0-6) and NPS = % promoters − % detractors.")
    @APIResponse(responseCode = "200", description = "The survey and its results",
            headers = @Header(name = "ETag", description = "Its version"),
            content = @Content(schema = @Schema(implementation = NpsViews.SurveyView.class),
                    examples = @ExampleObject(name = "survey", value = SURVEY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getSurvey(@PathParam("id") UUID id) {
        NpsSurvey survey = NpsSurvey.require(id);
        return Versions.ok(NpsViews.SurveyView.of(survey, NpsFigures.ofSurvey(id)), survey.version());
    }

    @POST
    @Path("/surveys/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordNpsResponse", summary = "Record a customer's answer",
            description = "score 0-10 (else 400 naming score); the customer must exist (422 naming customerId); one "
                    + "answer per customer and survey (a second is a 409 naming customerId); outside the survey's "
                    + "window a 409. A comment also becomes a feedback item of source SURVEY (external reference "
                    + "`nps:<responseId>`, tag `nps`) so it can be triaged and linked. Publishes "
                    + "dev.tandem.nps.response-recorded.v1 (and dev.tandem.feedback.received.v1 for the comment).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NpsRequests.CreateResponse.class),
            examples = @ExampleObject(name = "detractor", value = """
                    {"customerId": "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "score": 6, "comment": "Exports are too slow."}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "URL of the answer"),
            content = @Content(schema = @Schema(implementation = NpsViews.ResponseView.class),
                    examples = @ExampleObject(name = "answer", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The customer answered already, or the survey is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response respond(@PathParam("id") UUID id,
                            @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String key,
                            @Valid @NotNull NpsRequests.CreateResponse request) {
        String path = "/api/v1/nps/surveys/" + id + "/responses";
        return idempotency.execute(key, "POST " + path, request, () -> {
            NpsResponse response = answers.record(id, request.customerId(), request.score(), request.comment());
            return Response.created(URI.create(path + "/" + response.id()))
                    .entity(NpsViews.ResponseView.of(response)).build();
        });
    }

    @GET
    @Path("/surveys/{id}/responses/{responseId}")
    @Operation(operationId = "getNpsResponse", summary = "Get an answer",
            description = "One NPS response: the customer, the score (0-10), its category (promoter, passive, detractor), the comment and the feedback item the comment became, if any.")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(schema = @Schema(implementation = NpsViews.ResponseView.class),
                    examples = @ExampleObject(name = "answer", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public NpsViews.ResponseView getResponse(@PathParam("id") UUID id, @PathParam("responseId") UUID responseId) {
        NpsResponse r = NpsResponse.findById(responseId);
        if (r == null || !r.surveyId().equals(id)) {
            throw ProblemException.notFound("NPS response", responseId);
        }
        return NpsViews.ResponseView.of(r);
    }

    @GET
    @Path("/products/{productId}")
    @Operation(operationId = "getProductNps", summary = "NPS of a product, overall and per month",
            description = "All answers to the product's surveys; months are calendar months (UTC) of the answers, "
                    + "oldest first, with their counts. 404 for a product not in the catalog.")
    @APIResponse(responseCode = "200", description = "The product's NPS",
            content = @Content(schema = @Schema(implementation = NpsViews.ProductNps.class),
                    examples = @ExampleObject(name = "product", value = """
                            {"productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                             "overall": {"responses": 4, "promoters": 2, "passives": 1, "detractors": 1, "nps": 25.0},
                             "months": [{"month": "2026-11", "nps": {"responses": 4, "promoters": 2, "passives": 1, "detractors": 1, "nps": 25.0}}]}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public NpsViews.ProductNps productNps(@PathParam("productId") UUID productId) {
        if (CatalogProduct.findById(productId) == null) {
            throw ProblemException.notFound("product", productId);
        }
        List<NpsViews.Month> months = NpsFigures.monthly(productId);
        long p = 0;
        long pa = 0;
        long d = 0;
        for (NpsViews.Month m : months) {
            p += m.nps().promoters();
            pa += m.nps().passives();
            d += m.nps().detractors();
        }
        return new NpsViews.ProductNps(productId, Nps.of(p, pa, d), months);
    }
}
