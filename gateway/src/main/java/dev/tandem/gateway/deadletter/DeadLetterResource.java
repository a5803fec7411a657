package dev.tandem.gateway.deadletter;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tandem.gateway.auth.Caller;
import dev.tandem.gateway.deadletter.DeadLetters.DeadLetter;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
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
    static final int MAX_LIMIT = 1000;

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

    @Inject
    DeadLetters deadLetters;

    @Inject
    RoutingContext routingContext;

    /** One page of dead letters: newest first. */
    @Schema(name = "DeadLetterList")
    public record DeadLetterList(List<DeadLetter> items, int total, boolean truncated) {
    }

    /** What a bulk redrive sent back. */
    @Schema(name = "RedriveResult")
    public record RedriveResult(int redriven, List<DeadLetter> items) {
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "Every record on the dead-letter topics (`<topic>.<consumer group>.dlq`), newest first: the "
                    + "event (CloudEvents id, type, subject), the consuming service, why it failed "
                    + "(`dead-letter-reason`), when, where it was on its original topic, and whether it was "
                    + "redriven. Only failures that would fail again are dead-lettered; transient ones (a database "
                    + "away) are waited out by the consumer.")
    @APIResponse(responseCode = "200", description = "The dead letters",
            content = @Content(schema = @Schema(implementation = DeadLetterList.class),
                    examples = @ExampleObject(name = "one", value = "{\"items\": [" + EXAMPLE
                            + "], \"total\": 1, \"truncated\": false}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterList list(
            @Parameter(description = "Only this consuming service's dead letters, e.g. feedback-service",
                    example = "feedback-service") @QueryParam("service") String service,
            @Parameter(description = "At most this many (1–1000, default 100)", example = "100")
            @QueryParam("limit") String limit) {
        int max = limit(limit);
        List<DeadLetter> all = deadLetters.list(service(service));
        return new DeadLetterList(all.subList(0, Math.min(max, all.size())), all.size(), all.size() > max);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter",
            description = "By its id, `<dead-letter topic>:<partition>:<offset>`.")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetter.class),
                    examples = @ExampleObject(name = "one", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
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
                    + "may be redriven again; it stays on the dead-letter topic, marked with when and by whom.")
    @APIResponse(responseCode = "200", description = "Sent back; the dead letter with redrivenAt set",
            content = @Content(schema = @Schema(implementation = DeadLetter.class),
                    examples = @ExampleObject(name = "redriven", value = REDRIVEN)))
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeadLetter redrive(@Parameter(description = "`<dead-letter topic>:<partition>:<offset>`",
            example = "tandem.product.events.feedback-service.dlq:0:3") @PathParam("id") String id) {
        return deadLetters.redrive(id, caller()).orElseThrow(() -> ProblemException.notFound("dead letter", id));
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters", summary = "Redrive a service's dead letters",
            description = "Sends every dead letter of the service that was not redriven yet back to its topic, "
                    + "oldest first (see redriveDeadLetter).")
    @APIResponse(responseCode = "200", description = "What was sent back",
            content = @Content(schema = @Schema(implementation = RedriveResult.class),
                    examples = @ExampleObject(name = "one", value = "{\"redriven\": 1, \"items\": [" + REDRIVEN + "]}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RedriveResult redriveAll(@Parameter(required = true, description = "The consuming service",
            example = "feedback-service") @QueryParam("service") String service) {
        String name = service(service);
        if (name == null) {
            throw ProblemException.badRequest("service is required: whose dead letters to redrive",
                    new Problem.FieldError("service", "is required"));
        }
        List<DeadLetter> pending = new ArrayList<>(deadLetters.list(name).stream()
                .filter(d -> d.redrivenAt() == null).toList());
        java.util.Collections.reverse(pending); // oldest first
        String by = caller();
        List<DeadLetter> done = new ArrayList<>();
        for (DeadLetter d : pending) {
            deadLetters.redrive(d.id(), by).ifPresent(done::add);
        }
        return new RedriveResult(done.size(), done);
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
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw ProblemException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT,
                new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }

    private String caller() {
        Caller caller = Caller.of(routingContext);
        return caller == null ? null : caller.logName();
    }
}
