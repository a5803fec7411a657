package dev.tandem.project.cost.api;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import dev.tandem.platform.web.Versions;
import dev.tandem.project.cost.CostEvents;
import dev.tandem.project.cost.CostRules;
import dev.tandem.project.cost.Member;
import dev.tandem.project.project.Project;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{projectId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People and cost", description = "Members with allocation and cost rate, time and expense entries, over-allocation across projects.")
public class MemberResource {

    @Inject
    Idempotency idempotency;

    @Inject
    CostEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "addMember", summary = "Add a member to a project",
            description = "A person once per project (409); hourlyRate in the project's currency (422 naming "
                    + "hourlyRate.currency; a project without a budget has no currency yet, also 422). The project "
                    + "must not be COMPLETED or CANCELLED (409). Publishes dev.tandem.member.added.v1. Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MemberRequests.AddMember.class),
            examples = @ExampleObject(name = "developer", value = """
                    {"personId": "ana.dev@example.com", "role": "Backend developer", "allocationPercent": 50,
                     "hourlyRate": {"amount": "85.00", "currency": "EUR"}}""")))
    @APIResponse(responseCode = "201", description = "Added",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response add(@PathParam("projectId") UUID projectId,
                        @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                        @Valid @NotNull MemberRequests.AddMember request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/projects/" + projectId + "/members", request, () -> {
            Project project = Project.require(projectId);
            project.requirePlanOpen();
            CostRules.requireProjectCurrency(project, request.hourlyRate(), "hourlyRate.currency");
            if (Member.of(projectId, request.personId()) != null) {
                throw ProblemException.conflict(request.personId().strip() + " is already a member of this project",
                        new Problem.FieldError("personId", "is already a member"));
            }
            Member member = Member.create(projectId, request.personId(), request.role(), request.allocationPercent(),
                    request.hourlyRate());
            member.persistAndFlush();
            events.memberAdded(member);
            return Versions.withETag(Response.created(URI.create("/api/v1/projects/" + projectId + "/members/"
                    + member.id())), member.version()).entity(MemberView.of(member)).build();
        });
    }

    @GET
    @Operation(operationId = "listMembers", summary = "List a project's members",
            description = "In the order they joined; cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of members",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = MemberPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("projectId") UUID projectId, @BeanParam PageParams params, @Context UriInfo uri) {
        Project.require(projectId);
        PageRequest page = params.toPageRequest();
        List<Member> rows = page.after() == null ? Member.page(projectId, null, null, page.fetchSize())
                : Member.page(projectId, page.after().instant(0), page.after().uuid(1), page.fetchSize());
        Page<MemberView> result = Page.of(rows, page, MemberView::of, m -> Cursor.of(m.createdAt(), m.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "MemberPage")
    record MemberPage(List<MemberView> items, String nextCursor) {
    }

    @GET
    @Path("/{memberId}")
    @Operation(operationId = "getMember", summary = "Get a member of a project",
            description = "The member with role, allocation percentage and hourly cost rate (in the project's currency). The ETag is its version, needed in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The member",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("projectId") UUID projectId, @PathParam("memberId") UUID memberId) {
        Member member = find(projectId, memberId);
        return Versions.ok(MemberView.of(member), member.version());
    }

    @PATCH
    @Path("/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateMember", summary = "Update a member",
            description = "Role, allocation, hourly rate (in the project's currency); requires If-Match. A new rate "
                    + "applies to time recorded from now on. Publishes dev.tandem.member.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MemberRequests.UpdateMember.class),
            examples = @ExampleObject(name = "full time", value = "{\"allocationPercent\": 100}")))
    @APIResponse(responseCode = "200", description = "The updated member",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("projectId") UUID projectId, @PathParam("memberId") UUID memberId,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull MemberRequests.UpdateMember request) {
        Member member = find(projectId, memberId);
        Versions.requireIfMatch(ifMatch, member.version());
        Project project = Project.require(projectId);
        project.requirePlanOpen();
        if (request.hourlyRate() != null) {
            CostRules.requireProjectCurrency(project, request.hourlyRate(), "hourlyRate.currency");
        }
        if (member.update(request.role(), request.allocationPercent(), request.hourlyRate())) {
            Member.flush();
            events.memberUpdated(member);
        }
        return Versions.ok(MemberView.of(member), member.version());
    }

    private static Member find(UUID projectId, UUID memberId) {
        Project.require(projectId);
        Member member = Member.findById(memberId);
        if (member == null || !member.projectId().equals(projectId)) {
            throw ProblemException.notFound("member", memberId);
        }
        return member;
    }
}
