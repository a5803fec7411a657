package dev.tandem.gateway.deadletter;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.tandem.gateway.deadletter.DeadLetters.DeadLetter;
import dev.tandem.gateway.web.Caller;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.problem.Problems;
import dev.tandem.platform.web.RequestContext;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/admin/dead-letters}: what Tandem's event consumers could not process, per consuming service, and
 * its redrive. Needs scope {@code admin} (the gateway's authorization filter). See docs/operations.md.
 */
@Path(DeadLetterResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events a Tandem consumer could not process, and their redrive (scope admin).")
@SecurityRequirement(name = "apiKey", scopes = "admin")
@SecurityRequirement(name = "bearer", scopes = "admin")
public class DeadLetterResource {

    public static final String PATH = "/api/v1/admin/dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    private static final String EXAMPLE = """
            {"id": "tandem.product.events.feedback-service.dlq:0:3", "service": "feedback-service",
             "topic": "tandem.product.events", "dlqTopic": "tandem.product.events.feedback-service.dlq",
             "dlqPartition": 0, "dlqOffset": 3, "eventId": "9b2f0c64-5d0e-4b8a-a0c1-6f1e2d3c4b5a",
             "eventType": "dev.tandem.product.created.v1", "subject": "4f6c1d2e-8a9b-4c3d-9e8f-7a6b5c4d3e2f",
             "source": "/tandem/product-service", "reason": "unreadable ProductCreated payload: …",
             "deadLetteredAt": "2026-12-03T12:00:00Z", "originalPartition": 2, "originalOffset": 1041}""";

    /** The same after a redrive (fields without a value are left out of every answer). */
    private static final String REDRIVEN = """
            {"id": "tandem.product.events.feedback-service.dlq:0:3", "service": "feedback-service",
             "topic": "tandem.product.events", "dlqTopic": "tandem.product.events.feedback-service.dlq",
             "dlqPartition": 0, "dlqOffset": 3, "eventId": "9b2f0c64-5d0e-4b8a-a0c1-6f1e2d3c4b5a",
             "eventType": "dev.tandem.product.created.v1", "subject": "4f6c1d2e-8a9b-4c3d-9e8f-7a6b5c4d3e2f",
             "source": "/tandem/product-service", "reason": "unreadable ProductCreated payload: …",
             "deadLetteredAt": "2026-12-03T12:00:00Z", "originalPartition": 2, "originalOffset": 1041,
             "redrivenAt": "2026-12-03T12:30:00Z", "redrivenBy": "apikey:0b7e5c1a(ops-console)"}""";

    private static final String PROBLEM_401 = "No credentials, or an unknown, revoked or expired key / invalid token "
            + "(WWW-Authenticate says which)";
    private static final String BROKER_DOWN = """
            {"type": "https://tandem.dev/problems/broker-unavailable", "title": "Service unavailable", "status": 503,
             "detail": "could not read the dead-letter topics: the Kafka broker did not answer within 5000 ms (TimeoutException); retry later",
             "instance": "/api/v1/admin/dead-letters", "requestId": "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a"}""";
    /** Seconds a client waits before asking again when the broker could not be reached. */
    static final int RETRY_AFTER_SECONDS = 10;

    @Inject
    DeadLetters deadLetters;

    @Inject
    RoutingContext routingContext;

    @Inject
    RequestContext requestContext;

    /**
     * One page of dead letters, newest first.
     *
     * @param nextCursor pass it as {@code cursor} for the next page; absent on the last page
     * @param total      dead letters on the topics (of the service, when one was named), all pages together
     */
    @Schema(name = "DeadLetterList")
    public record DeadLetterList(List<DeadLetter> items,
            @Schema(description = "Opaque cursor of the next page; absent on the last page",
                    example = "WyJiZWZvcmUiLCJ0YW5kZW0ucHJvZHVjdC5ldmVudHMuZmVlZGJhY2stc2VydmljZS5kbHEiLDAsM10")
            String nextCursor,
            @Schema(description = "Dead letters on the topics (of the service, when one was named), all pages "
                    + "together", example = "1") long total) {
    }

    /** What a bulk redrive sent back, and where the next call goes on. */
    @Schema(name = "RedriveResult")
    public record RedriveResult(int redriven, List<DeadLetter> items,
            @Schema(description = "Pass it as cursor to go on with the next dead letters; absent when every dead "
                    + "letter of the service has been looked at",
                    example = "WyJmcm9tIiwidGFuZGVtLnByb2R1Y3QuZXZlbnRzLmZlZWRiYWNrLXNlcnZpY2UuZGxxIiwwLDRd")
            String nextCursor) {
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters, newest first (paged)",
            description = "The records on the dead-letter topics (`<topic>.<consumer group>.dlq`), newest first, one "
                    + "page at a time (`limit`, then `cursor` = the previous page's `nextCursor`; also in the `Link` "
                    + "header): the event (CloudEvents id, type, subject), the consuming service, why it failed "
                    + "(`dead-letter-reason`), when, where it was on its original topic, and whether it was "
                    + "redriven. A page reads at most `limit` records per partition from the broker, never whole "
                    + "topics. Only failures that would fail again are dead-lettered; transient ones (a database "
                    + "away) are waited out by the consumer.")
    @APIResponse(responseCode = "200", description = "A page of dead letters",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = DeadLetterList.class),
                    examples = {
                            @ExampleObject(name = "last page", value = "{\"items\": [" + EXAMPLE
                                    + "], \"total\": 1}"),
                            @ExampleObject(name = "a page with more after it", value = "{\"items\": [" + EXAMPLE
                                    + "], \"nextCursor\": \"WyJiZWZvcmUiLCJ0YW5kZW0ucHJvZHVjdC5ldmVudHMuZmVlZGJhY2st"
                                    + "c2VydmljZS5kbHEiLDAsM10\", \"total\": 12}")}))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = PROBLEM_401,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The Kafka broker could not be reached within "
            + "tandem.gateway.dead-letters.broker-timeout (5 s); retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "10")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "broker away", value = BROKER_DOWN)))
    public Response list(
            @Parameter(description = "Only this consuming service's dead letters, e.g. feedback-service",
                    example = "feedback-service") @QueryParam("service") String service,
            @Parameter(description = "At most this many (1–500, default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page, unchanged; absent for the first page",
                    example = "WyJiZWZvcmUiLCJ0YW5kZW0ucHJvZHVjdC5ldmVudHMuZmVlZGJhY2stc2VydmljZS5kbHEiLDAsM10")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        int max = limit(limit);
        DeadLetters.Page page = deadLetters.list(service(service), max, cursor(cursor));
        Response.ResponseBuilder ok = Response.ok(new DeadLetterList(page.items(), page.nextCursor(), page.total()));
        PageLinks.nextHeader(page.nextCursor(), max, uriInfo).ifPresent(link -> ok.header("Link", link));
        return ok.build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter",
            description = "By its id, `<dead-letter topic>:<partition>:<offset>`.")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetter.class),
                    examples = @ExampleObject(name = "one", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = PROBLEM_401,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", description = "The Kafka broker could not be reached in time; retry after "
            + "Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "10")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "broker away", value = BROKER_DOWN)))
    public DeadLetter get(@Parameter(description = "`<dead-letter topic>:<partition>:<offset>`",
            example = "tandem.product.events.feedback-service.dlq:0:3") @PathParam("id") String id) {
        return deadLetters.get(id).orElseThrow(() -> ProblemException.notFound("dead letter", id));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(operationId = "redriveDeadLetter", summary = "Redrive a dead letter",
            description = "Sends the record back to its original topic, with its key, payload and CloudEvents "
                    + "headers (the same `ce_id`): the consumer that failed tries it again, and every other "
                    + "consumer's inbox recognises it and changes nothing. Answers once the broker has it. A record "
                    + "may be redriven again; it stays on the dead-letter topic, marked with when and by whom. After "
                    + "a 503 the record may still have arrived: redriving it again is harmless.")
    @APIResponse(responseCode = "200", description = "Sent back; the dead letter with redrivenAt set",
            content = @Content(schema = @Schema(implementation = DeadLetter.class),
                    examples = @ExampleObject(name = "redriven", value = REDRIVEN)))
    @APIResponse(responseCode = "401", description = PROBLEM_401,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", description = "The Kafka broker could not be reached, or did not acknowledge "
            + "the record, in time; retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "10")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "broker away", value = BROKER_DOWN)))
    public DeadLetter redrive(@Parameter(description = "`<dead-letter topic>:<partition>:<offset>`",
            example = "tandem.product.events.feedback-service.dlq:0:3") @PathParam("id") String id) {
        return deadLetters.redrive(id, caller()).orElseThrow(() -> ProblemException.notFound("dead letter", id));
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters", summary = "Redrive a service's dead letters (paged)",
            description = "Looks at the service's next `limit` dead letters, oldest first, and sends back to its "
                    + "topic each one that was not redriven yet (see redriveDeadLetter). Go on with `cursor` = "
                    + "`nextCursor` until the answer has no `nextCursor`: then every dead letter of the service has "
                    + "been looked at. Each call reads at most `limit` records per partition.")
    @APIResponse(responseCode = "200", description = "What was sent back, and where the next call goes on",
            content = @Content(schema = @Schema(implementation = RedriveResult.class),
                    examples = {
                            @ExampleObject(name = "done", value = "{\"redriven\": 1, \"items\": [" + REDRIVEN
                                    + "]}"),
                            @ExampleObject(name = "more to look at", value = "{\"redriven\": 1, \"items\": ["
                                    + REDRIVEN + "], \"nextCursor\": \"WyJmcm9tIiwidGFuZGVtLnByb2R1Y3QuZXZlbnRzLmZl"
                                    + "ZWRiYWNrLXNlcnZpY2UuZGxxIiwwLDRd\"}")}))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = PROBLEM_401,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The Kafka broker could not be reached, or did not acknowledge "
            + "a record, in time (what was sent before stays redriven; call again to go on); retry after "
            + "Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "10")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "broker away", value = BROKER_DOWN)))
    public RedriveResult redriveAll(
            @Parameter(required = true, description = "The consuming service", example = "feedback-service")
            @QueryParam("service") String service,
            @Parameter(description = "Look at most at this many dead letters (1–500, default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous call, unchanged; absent to start with the "
                    + "oldest dead letter",
                    example = "WyJmcm9tIiwidGFuZGVtLnByb2R1Y3QuZXZlbnRzLmZlZWRiYWNrLXNlcnZpY2UuZGxxIiwwLDRd")
            @QueryParam("cursor") String cursor) {
        String name = service(service);
        if (name == null) {
            throw ProblemException.badRequest("service is required: whose dead letters to redrive",
                    new Problem.FieldError("service", "is required"));
        }
        DeadLetters.Redriven done = deadLetters.redrivePending(name, limit(limit), cursor(cursor), caller());
        return new RedriveResult(done.items().size(), done.items(), done.nextCursor());
    }

    /** The broker could not be reached in time: 503 with Retry-After, not a 500 (nothing is wrong with the request). */
    @ServerExceptionMapper
    public Response brokerUnavailable(DeadLetters.BrokerUnavailable e, UriInfo uriInfo) {
        LOG.warnf("requestId=%s dead letters: %s", requestContext.requestId(), e.getMessage());
        Problem problem = Problems.of(503, "broker-unavailable", "Service unavailable", e.getMessage() + "; retry later",
                List.of());
        return Problems.response(problem, "/" + uriInfo.getPath().replaceFirst("^/", ""), requestContext.requestId())
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }

    /** The service filter, checked against the services that have dead-letter topics; null for all. */
    private String service(String service) {
        if (service == null || service.isBlank()) {
            return null;
        }
        if (!service.matches("[A-Za-z0-9_-]{1,100}")) {
            throw ProblemException.badRequest("service is not a service name",
                    new Problem.FieldError("service", "must be a service name such as feedback-service"));
        }
        return service; // a service without a dead-letter topic simply has no dead letters
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DeadLetters.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= DeadLetters.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw ProblemException.badRequest("limit must be a whole number from 1 to " + DeadLetters.MAX_LIMIT,
                new Problem.FieldError("limit", "must be a whole number from 1 to " + DeadLetters.MAX_LIMIT));
    }

    /** An empty cursor is the first page. */
    private static String cursor(String cursor) {
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    private String caller() {
        Caller caller = Caller.of(routingContext);
        return caller == null ? null : caller.logName();
    }
}
