package dev.tandem.feedback.feedback;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.tandem.feedback.catalog.CatalogFeature;
import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.feedback.customer.Customer;
import dev.tandem.feedback.sentiment.SentimentAnalyzer;
import dev.tandem.platform.idempotency.Idempotency;
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

/**
 * Votes: a customer's vote for a feature is an IN_APP feedback item linked to the feature, at most one per customer
 * and feature. The item's external reference {@code vote:<featureId>:<customerId>} is what makes it unique (the
 * (source, externalReference) unique index), so two concurrent votes cannot both be recorded.
 */
@Path(FeedbackResource.PATH + "/votes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Votes", description = "Customers' votes for features: IN_APP feedback linked to the feature.")
public class VoteResource {

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @Inject
    FeedbackEvents events;

    @Inject
    FeedbackLinks links;

    @Inject
    Idempotency idempotency;

    static final String REFERENCE_PREFIX = "vote:";

    static String reference(UUID featureId, UUID customerId) {
        return REFERENCE_PREFIX + featureId + ":" + customerId;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "voteForFeature", summary = "Record a customer's vote for a feature",
            description = "Creates a feedback item of source IN_APP about the feature's product (title \"Vote: "
                    + "<feature title>\", text the comment, tag `vote`, external reference "
                    + "`vote:<featureId>:<customerId>`) and links it to the feature with the given importance "
                    + "(IMPORTANT by default), so it is PLANNED at once. Publishes dev.tandem.feedback.received.v1, "
                    + ".status-changed.v1 and .linked.v1. One vote per customer and feature: a second is a 409 "
                    + "naming the existing item.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VoteRequest.class),
            examples = @ExampleObject(name = "vote", value = """
                    {"customerId": "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
                     "importance": "CRITICAL", "comment": "We need this before our holiday season."}""")))
    @APIResponse(responseCode = "201", description = "The vote, as the feedback item it became",
            headers = {@Header(name = "Location", description = "URL of the feedback item"),
                    @Header(name = "ETag", description = "Its version")},
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "The customer voted for this feature already; the problem names the item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response vote(@Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @Valid @NotNull VoteRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + FeedbackResource.PATH + "/votes", request, () -> {
            Customer customer = Customer.findById(request.customerId());
            if (customer == null) {
                throw ProblemException.unprocessable("customer " + request.customerId() + " does not exist",
                        new Problem.FieldError("customerId", "no such customer"));
            }
            CatalogFeature feature = FeedbackLinks.requireFeature(request.featureId(), null);
            CatalogProduct product = CatalogProduct.findById(feature.productId());
            if (product == null || !product.acceptsFeedback()) {
                throw ProblemException.unprocessable("the product of feature " + feature.id()
                                + " is not in the catalog or was deleted",
                        new Problem.FieldError("featureId", "its product takes no new feedback"));
            }
            String reference = reference(feature.id(), customer.id());
            Feedback existing = Feedback.bySourceAndReference(Source.IN_APP, reference);
            if (existing != null) {
                throw ProblemException.conflict("customer " + customer.id() + " voted for feature " + feature.id()
                                + " already: feedback " + existing.id(),
                        new Problem.FieldError("featureId", "already voted: feedback " + existing.id()));
            }
            String title = ("Vote: " + feature.title());
            title = title.length() > 200 ? title.substring(0, 200) : title;
            String text = request.comment() == null || request.comment().isBlank()
                    ? "Voted for \"" + feature.title() + "\"." : request.comment();
            Feedback feedback = Feedback.create(Source.IN_APP, reference, customer.id(), feature.productId(), title,
                    text, null, List.of("vote"), null, analyzer);
            feedback.persistAndFlush();
            events.received(feedback);
            links.link(feedback, feature.id(),
                    request.importance() != null ? request.importance() : Importance.IMPORTANT, null);
            return Versions.withETag(Response.created(URI.create(FeedbackResource.PATH + "/" + feedback.id())),
                    feedback.version()).entity(FeedbackView.of(feedback)).build();
        });
    }

    /** The answer of {@code GET /api/v1/feedback/votes?featureId=}. */
    @Schema(name = "VoteCount")
    public record VoteCount(UUID featureId,
                            @Schema(description = "Votes (one per customer).", example = "42") long votes,
                            @Schema(description = "Votes per importance.",
                                    example = "{\"NICE_TO_HAVE\": 5, \"IMPORTANT\": 30, \"CRITICAL\": 7}")
                            Map<Importance, Long> byImportance) {
    }

    @GET
    @Operation(operationId = "countVotes", summary = "Count the votes for a feature",
            description = "The votes still linked to the feature (a vote whose item was deleted or unlinked no "
                    + "longer counts), in total and per importance.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = VoteCount.class),
                    examples = @ExampleObject(name = "counts", value = """
                            {"featureId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "votes": 42,
                             "byImportance": {"NICE_TO_HAVE": 5, "IMPORTANT": 30, "CRITICAL": 7}}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public VoteCount count(@Parameter(description = "The feature", required = true)
                           @QueryParam("featureId") @NotNull UUID featureId) {
        if (CatalogFeature.findById(featureId) == null) {
            throw ProblemException.notFound("feature", featureId);
        }
        Map<Importance, Long> byImportance = new EnumMap<>(Importance.class);
        for (Importance i : Importance.values()) {
            byImportance.put(i, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Feedback.getEntityManager().createNativeQuery("""
                        SELECT l.importance, count(*) FROM feedback_link l JOIN feedback f ON f.id = l.feedback_id
                        WHERE l.feature_id = ?1 AND f.source = 'IN_APP' AND f.external_reference = ?2 || f.customer_id
                        GROUP BY l.importance""")
                .setParameter(1, featureId).setParameter(2, REFERENCE_PREFIX + featureId + ":").getResultList();
        long total = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            byImportance.put(Importance.valueOf((String) row[0]), n);
            total += n;
        }
        return new VoteCount(featureId, total, byImportance);
    }
}
