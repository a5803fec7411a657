package dev.tandem.gateway.apikey;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/admin/api-keys}: API keys of client systems. Needs scope {@code admin} (checked by the gateway's
 * authorization filter before this resource is reached).
 */
@Path(ApiKeyResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Credentials of client systems (scope admin).")
@SecurityRequirement(name = "apiKey", scopes = "admin")
@SecurityRequirement(name = "bearer", scopes = "admin")
public class ApiKeyResource {

    public static final String PATH = "/api/v1/admin/api-keys";

    @Inject
    ApiKeys apiKeys;

    @Inject
    RoutingContext routingContext;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Issues a key for a client system. The answer is the only place the secret ever appears: "
                    + "the gateway stores only its SHA-256. No Idempotency-Key support on purpose: replaying the answer "
                    + "would mean storing the secret; a retried create makes a second key, which you can revoke; an Idempotency-Key header is refused.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateApiKeyRequest.class),
            examples = @ExampleObject(name = "crm", value = """
                    {"name": "crm-sync", "scopes": ["products:read", "feedback:write"], "rateLimitPerMinute": 600,
                     "expiresAt": "2027-01-01T00:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "Created; the secret is in the body, this once",
            headers = @Header(name = "Location", description = "URL of the new key"),
            content = @Content(schema = @Schema(implementation = IssuedApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (unknown scope, expiresAt not in the future, …); "
            + "each offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateApiKeyRequest request) {
        // read from the request, not declared as a parameter: the operation does not take one (see the description)
        if (routingContext.request().getHeader("Idempotency-Key") != null) {
            throw ProblemException.badRequest("Idempotency-Key is not supported when creating API keys: replaying the "
                    + "answer would mean storing the secret; retry without it and revoke any duplicate key",
                    new Problem.FieldError("Idempotency-Key", "is not supported on this operation"));
        }
        Instant now = Now.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.badRequest("expiresAt must be in the future",
                    new Problem.FieldError("expiresAt", "must be in the future"));
        }
        Caller caller = Caller.of(routingContext);
        ApiKeys.Issued issued = apiKeys.issue(request.name(), request.scopes(), request.rateLimitPerMinute(),
                request.expiresAt(), caller == null ? null : caller.subject());
        return Response.created(URI.create(PATH + "/" + issued.key().id()))
                .header("Cache-Control", "no-store")
                .entity(IssuedApiKeyView.of(issued, now))
                .build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Oldest first, cursor-paginated (follow nextCursor or the Link header). Revoked and expired "
                    + "keys stay listed with their status, for the audit trail. Secrets are never shown.")
    @APIResponse(responseCode = "200", description = "One page of keys",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = ApiKeyPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(ref = "limit") @QueryParam(PageRequest.LIMIT_PARAM) String limit,
            @Parameter(ref = "cursor") @QueryParam(Cursor.PARAM) String cursor,
            @Context UriInfo uri) {
        PageRequest page = new PageParams(limit, cursor).toPageRequest();
        Instant now = Now.instant();
        Page<ApiKeyView> result = Page.of(apiKeys.page(page.after(), page.fetchSize()), page,
                key -> ApiKeyView.of(key, now), ApiKey::cursor);
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ApiKeyPage")
    record ApiKeyPage(List<ApiKeyView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key",
            description = "Its scopes, limit, status and last use (recorded in batches, accurate to about 10 s).")
    @APIResponse(responseCode = "200", description = "The key (without its secret)",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiKeyView get(@PathParam("id") UUID id) {
        return ApiKeyView.of(apiKeys.get(id).orElseThrow(() -> ProblemException.notFound("API key", id)), Now.instant());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once on this gateway instance and within "
                    + "tandem.gateway.api-keys.cache-ttl (10 s) on the others; it cannot be re-activated. Revoking a "
                    + "revoked key changes nothing (also 204). The key stays listed as REVOKED.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", description = "No credentials, or an unknown, revoked or expired key / "
            + "invalid token (WWW-Authenticate says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks scope admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response revoke(@PathParam("id") UUID id) {
        apiKeys.revoke(id).orElseThrow(() -> ProblemException.notFound("API key", id));
        return Response.noContent().build();
    }
}
