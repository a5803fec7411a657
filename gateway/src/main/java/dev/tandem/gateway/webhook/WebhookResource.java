package dev.tandem.gateway.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tandem.gateway.web.Caller;
import dev.tandem.platform.paging.Cursor;
import dev.tandem.platform.paging.Page;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.time.Now;
import dev.tandem.platform.web.Versions;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/webhooks}: webhook subscriptions, their delivery log, redelivery and replay. Needs scope
 * {@code webhooks:manage} (or {@code admin}), checked by the gateway's authorization filter before this resource is
 * reached.
 */
@Path(WebhookResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks") // described in META-INF/openapi.yaml, with the callback itself
@SecurityRequirement(name = "apiKey", scopes = WebhookResource.SCOPE)
@SecurityRequirement(name = "bearer", scopes = WebhookResource.SCOPE)
public class WebhookResource {

    public static final String PATH = "/api/v1/webhooks";
    public static final String SCOPE = "webhooks:manage";

    private static final String WEBHOOK_EXAMPLE = """
            {"id": "2c7e9a10-5b3d-4f6e-8a1b-9c0d1e2f3a4b", "url": "https://hooks.example.com/tandem",
             "eventTypes": ["dev.tandem.feature.*"], "subjects": [], "description": "ERP: feature changes",
             "status": "ENABLED", "createdAt": "2026-12-03T12:00:00Z",
             "createdBy": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "updatedAt": "2026-12-03T12:00:00Z"}""";

    private static final String DELIVERY_EXAMPLE = """
            {"id": "8d0f3c2a-6e5b-4a49-9c1d-2b3a4f5e6d7c", "eventId": "0c5e6f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6",
             "eventType": "dev.tandem.feature.committed.v1", "subject": "5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6",
             "eventTime": "2026-12-03T12:00:00Z", "state": "PENDING", "attempts": 2,
             "queuedAt": "2026-12-03T12:00:00.120Z", "nextAttemptAt": "2026-12-03T12:00:11Z",
             "attemptedAt": "2026-12-03T12:00:05.300Z", "statusCode": 500, "latencyMs": 37,
             "error": "HTTP 500: upstream error"}""";

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookReplay replays;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    RoutingContext routingContext;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Create a webhook subscription",
            description = "From now on every event of the given types (and subjects) is POSTed to url, signed "
                    + "(Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). The answer is the only "
                    + "place the signing secret appears in clear (Cache-Control: no-store); rotate it to get a new "
                    + "one. The URL must be https:// (http:// only where the gateway allows it) and its host must "
                    + "resolve to public addresses: private, loopback, link-local (cloud metadata), multicast and "
                    + "unspecified addresses are refused (400 naming url), and checked again on every delivery. No "
                    + "Idempotency-Key: replaying the answer would mean storing the secret in clear; a retried create "
                    + "makes a second subscription, which you can delete.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateWebhookRequest.class),
            examples = {
                    @ExampleObject(name = "features", summary = "Every feature event", value = """
                            {"url": "https://hooks.example.com/tandem", "eventTypes": ["dev.tandem.feature.*"],
                             "description": "ERP: feature changes"}"""),
                    @ExampleObject(name = "one-product", summary = "Two types, one aggregate", value = """
                            {"url": "https://hooks.example.com/tandem",
                             "eventTypes": ["dev.tandem.product.updated.v1", "dev.tandem.product.pivoted.v1"],
                             "subjects": ["6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a"], "status": "PAUSED"}""")}))
    @APIResponse(responseCode = "201", description = "Created; the signing secret is in the body, this once",
            headers = {@Header(name = "Location", description = "URL of the new subscription"),
                    @Header(name = "ETag", description = "Its version, for If-Match")},
            content = @Content(schema = @Schema(implementation = CreatedWebhookView.class),
                    examples = @ExampleObject(name = "created", value = """
                            {"id": "2c7e9a10-5b3d-4f6e-8a1b-9c0d1e2f3a4b", "url": "https://hooks.example.com/tandem",
                             "eventTypes": ["dev.tandem.feature.*"], "subjects": [], "status": "ENABLED",
                             "createdAt": "2026-12-03T12:00:00Z", "updatedAt": "2026-12-03T12:00:00Z",
                             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0x4gQWl6xXk="}""")))
    @APIResponse(responseCode = "400", description = "Invalid input, each offending field named: url (not https, "
            + "does not resolve, or resolves to an address webhooks may not reach), eventTypes[i] (unknown type), "
            + "status (DISABLED), unknown fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "private-target", value = """
                            {"type": "https://tandem.dev/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "url: host 169.254.169.254 resolves to 169.254.169.254 (link-local), which webhooks may not reach",
                             "instance": "/api/v1/webhooks", "requestId": "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a",
                             "errors": [{"field": "url", "message": "host 169.254.169.254 resolves to 169.254.169.254 (link-local), which webhooks may not reach"}]}""")))
    public Response create(@Valid @NotNull CreateWebhookRequest request) {
        if (routingContext.request().getHeader("Idempotency-Key") != null) {
            throw ProblemException.badRequest("Idempotency-Key is not supported when creating webhooks: replaying "
                    + "the answer would mean storing the signing secret in clear; retry without it and delete any "
                    + "duplicate", new Problem.FieldError("Idempotency-Key", "is not supported on this operation"));
        }
        Caller caller = Caller.of(routingContext);
        Webhooks.Created created = webhooks.create(request, caller == null ? null : caller.subject());
        WebhookSubscription s = created.subscription();
        return Versions.withETag(Response.created(URI.create(PATH + "/" + s.id())), s.version())
                .header("Cache-Control", "no-store")
                .entity(CreatedWebhookView.of(s, created.secret()))
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "Oldest first, cursor-paginated (follow nextCursor or the Link header). Secrets are never "
                    + "shown.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(
            @Parameter(ref = "limit") @QueryParam(PageRequest.LIMIT_PARAM) String limit,
            @Parameter(ref = "cursor") @QueryParam(Cursor.PARAM) String cursor,
            @Context UriInfo uri) {
        PageRequest page = new PageParams(limit, cursor).toPageRequest();
        Instant now = Now.instant();
        Page<WebhookView> result = Page.of(webhooks.page(page.after(), page.fetchSize()), page,
                s -> WebhookView.of(s, now), WebhookSubscription::cursor);
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "WebhookPage")
    record WebhookPage(List<WebhookView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription",
            description = "Its filter and status; DISABLED ones say why and since when (disabledReason, disabledAt).")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret)",
            headers = @Header(name = "ETag", description = "Its version, for If-Match"),
            content = @Content(schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id,
            @HeaderParam("If-None-Match") @Parameter(ref = "If-None-Match") String ifNoneMatch) {
        WebhookSubscription s = webhooks.get(id).orElseThrow(() -> ProblemException.notFound("Webhook", id));
        return Versions.ok(WebhookView.of(s, Now.instant()), s.version(), ifNoneMatch);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateWebhook", summary = "Update a webhook subscription",
            description = "Changes url, eventTypes, subjects, description and/or status (absent fields stay as they "
                    + "are). status is ENABLED or PAUSED: a PAUSED subscription gets nothing queued or sent; setting a "
                    + "DISABLED one ENABLED clears disabledReason and disabledAt and sends what was still queued — "
                    + "replay what it missed meanwhile. A new url is checked like on create. Requires If-Match.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateWebhookRequest.class),
            examples = {
                    @ExampleObject(name = "pause", value = "{\"status\": \"PAUSED\"}"),
                    @ExampleObject(name = "re-enable", value = "{\"status\": \"ENABLED\"}"),
                    @ExampleObject(name = "retarget", value = """
                            {"url": "https://hooks.example.com/v2", "eventTypes": ["dev.tandem.project.*"],
                             "subjects": []}""")}))
    @APIResponse(responseCode = "200", description = "The updated subscription",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch,
            @Valid @NotNull UpdateWebhookRequest request) {
        WebhookSubscription s = webhooks.update(id, ifMatch, request);
        dispatcher.wakeUp();
        return Versions.ok(WebhookView.of(s, Now.instant()), s.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription",
            description = "Nothing more is sent; its delivery log goes with it. Requires If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(ref = "If-Match") String ifMatch) {
        webhooks.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's signing secret",
            description = "Makes a new secret and returns it, this once. The previous secret keeps signing for "
                    + "tandem.gateway.webhooks.secret-rotation-overlap (24 h): meanwhile webhook-signature carries two "
                    + "signatures, \"v1,<new> v1,<previous>\", and a receiver that knows either secret accepts the "
                    + "delivery. Rotating again within that time drops the older secret.")
    @APIResponse(responseCode = "200", description = "The new secret",
            headers = @Header(name = "ETag", description = "The subscription's new version"),
            content = @Content(schema = @Schema(implementation = RotatedSecretView.class),
                    examples = @ExampleObject(name = "rotated", value = """
                            {"id": "2c7e9a10-5b3d-4f6e-8a1b-9c0d1e2f3a4b",
                             "secret": "whsec_3b1pXH9aVbQ7v2f0m4Jq8c6Lk1sPz5Rt0uWy2Ae4Gh8=",
                             "previousSecretExpiresAt": "2026-12-04T12:00:00Z"}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response rotateSecret(@PathParam("id") UUID id) {
        Webhooks.Rotated rotated = webhooks.rotate(id);
        return Versions.withETag(Response.ok(rotated.view()), rotated.version()).header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "The delivery log, newest first, cursor-paginated: one entry per event sent (or to be sent) "
                    + "to the subscription, with its state and latest attempt (time, status code, latency, error). "
                    + "Read one delivery for all its attempts.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = DeliveryPage.class),
                    examples = @ExampleObject(name = "deliveries", value = "{\"items\": [" + DELIVERY_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this state",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "SENDING", "DELIVERED",
                            "FAILED"})) @QueryParam("state") String state,
            @Parameter(ref = "limit") @QueryParam(PageRequest.LIMIT_PARAM) String limit,
            @Parameter(ref = "cursor") @QueryParam(Cursor.PARAM) String cursor,
            @Context UriInfo uri) {
        PageRequest page = new PageParams(limit, cursor).toPageRequest();
        WebhookDeliveries.State only = null;
        if (state != null) {
            try {
                only = WebhookDeliveries.State.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("state must be one of PENDING, SENDING, DELIVERED, FAILED",
                        new Problem.FieldError("state", "must be one of [PENDING, SENDING, DELIVERED, FAILED]"));
            }
        }
        if (page.after() != null && page.after().size() != 1) {
            throw Cursor.invalid(); // a delivery log cursor is one sequence number
        }
        Long beforeSeq = page.after() == null ? null : page.after().longValue(0);
        Page<DeliveryView> result = Page.of(webhooks.deliveries(id, beforeSeq, only, page.fetchSize()), page,
                r -> DeliveryView.of(r, null), r -> Cursor.of(r.seq()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "WebhookDeliveryPage")
    record DeliveryPage(List<DeliveryView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "Get a webhook delivery with all its attempts",
            description = "The delivery and every attempt made (attemptLog, newest first).")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.delivery(id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery", deliveryId));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Queues the event again for this subscription, with the same webhook-id (the CloudEvent "
                    + "id; a receiver that de-duplicates treats it as already seen) and a fresh retry period; a "
                    + "pending delivery is made due now. It is sent when no earlier event of the same subject is "
                    + "still waiting, and only while the subscription is ENABLED.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The delivery is being sent right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        DeliveryView queued = webhooks.redeliver(id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery", deliveryId));
        dispatcher.wakeUp();
        return Response.accepted(queued).build();
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayWebhook", summary = "Replay a webhook's events since a time",
            description = "Reads the topics back from since (the broker keeps 7 days by default) and queues every "
                    + "event of the subscription's types and subjects that happened at or after it — also events "
                    + "from before the subscription existed or from while it was PAUSED or DISABLED. Events "
                    + "delivered before are sent again (same webhook-id). They arrive in their order per subject, "
                    + "possibly after newer events already delivered: order by the CloudEvent's sequence. At most "
                    + "tandem.gateway.webhooks.replay-max-events (10000) per call (truncated says so).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReplayRequest.class),
            examples = @ExampleObject(name = "since", value = "{\"since\": \"2026-12-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = ReplayResult.class),
                    examples = @ExampleObject(name = "replayed", value = """
                            {"since": "2026-12-01T00:00:00Z", "scanned": 120, "matched": 14, "queued": 14,
                             "truncated": false}""")))
    @APIResponse(responseCode = "400", description = "since is missing, not an RFC 3339 time, before 1970 or in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response replay(@PathParam("id") UUID id, @Valid @NotNull ReplayRequest request) {
        WebhookSubscription s = webhooks.get(id).orElseThrow(() -> ProblemException.notFound("Webhook", id));
        if (request.since().isAfter(Now.instant())) {
            throw ProblemException.badRequest("since must not be in the future",
                    new Problem.FieldError("since", "must not be in the future"));
        }
        if (request.since().isBefore(Instant.EPOCH)) {
            // Kafka finds offsets by a timestamp in milliseconds since 1970 and refuses a negative one
            throw ProblemException.badRequest("since must not be before 1970-01-01T00:00:00Z",
                    new Problem.FieldError("since", "must not be before 1970-01-01T00:00:00Z"));
        }
        return Response.accepted(replays.replay(s, request.since())).build();
    }
}
