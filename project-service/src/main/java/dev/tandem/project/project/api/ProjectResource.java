package dev.tandem.project.project.api;

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
import jakarta.ws.rs.DefaultValue;
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
import dev.tandem.platform.web.Versions;
import dev.tandem.project.health.Health;
import dev.tandem.project.program.Program;
import dev.tandem.project.project.Project;
import dev.tandem.project.project.ProjectEvents;
import dev.tandem.project.project.ProjectStatus;
import dev.tandem.project.project.ProjectView;
import dev.tandem.project.task.ProjectTasks;
import dev.tandem.project.tracking.ProjectTracking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ProjectResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "Projects: scope, budget, planned dates and status (PROPOSED → APPROVED → ACTIVE ⇄ ON_HOLD → COMPLETED, or CANCELLED).")
public class ProjectResource {

    static final String PATH = "/api/v1/projects";

    @Inject
    ProjectEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectTracking tracking;

    @Inject
    History history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createProject", summary = "Create a project",
            description = "Creates a PROPOSED project and publishes dev.tandem.project.created.v1. "
                    + "Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateProjectRequest.class),
            examples = @ExampleObject(name = "reorder", value = """
                    {"key": "REORDER", "name": "One-click reorder", "programId": "7a1c0e52-4b8d-4f3a-9c61-2d5e8f9a0b1c",
                     "productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                     "featureIds": ["5d1e6c7a-2b3c-4d5e-8f90-a1b2c3d4e5f6"], "manager": "ben.pjm@example.com",
                     "scope": "Reorder a previous basket in one click.",
                     "budget": {"amount": "120000.00", "currency": "EUR"},
                     "plannedStart": "2027-01-04", "plannedEnd": "2027-03-26"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateProjectRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            requireFreeKey(request.key(), null);
            requireProgram(request.programId());
            Project project = Project.create(request.key(), request.name(), request.programId(), request.productId(),
                    request.featureIds(), request.manager(), request.scope(), request.budget(),
                    request.plannedStart(), request.plannedEnd());
            project.persistAndFlush();
            events.created(project);
            return Versions.withETag(Response.created(URI.create(PATH + "/" + project.id())), project.version())
                    .entity(ProjectView.of(project)).build();
        });
    }

    @GET
    @Operation(operationId = "listProjects", summary = "List projects",
            description = "Filtered by status, health, program, product and manager; sorted by createdAt (default) or name, "
                    + "ascending, ties broken by id. Cursor-paginated: follow nextCursor (or the Link header).")
    @APIResponse(responseCode = "200", description = "One page of projects",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = ProjectPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only projects in this status") @QueryParam("status") ProjectStatus status,
                         @Parameter(description = "Only projects of this health (approved projects only)")
                         @QueryParam("health") Health health,
                         @Parameter(description = "Only projects of this program") @QueryParam("programId") UUID programId,
                         @Parameter(description = "Only projects for this product") @QueryParam("productId") UUID productId,
                         @Parameter(description = "Only projects of this manager (exact match)")
                         @QueryParam("manager") @Size(max = 200) String manager,
                         @Parameter(description = "Sort order: createdAt (oldest first) or name (A–Z)")
                         @QueryParam("sort") @DefaultValue("createdAt") Project.Sort sort,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        Object afterValue = null;
        UUID afterId = null;
        if (page.after() != null) {
            Cursor after = page.after();
            if (after.size() != 3 || !sort.name().equals(after.string(0))) {
                throw Cursor.invalid();
            }
            afterValue = sort == Project.Sort.name ? after.string(1) : after.instant(1);
            afterId = after.uuid(2);
        }
        List<Project> rows = Project.page(status, health, programId, productId, manager, sort, afterValue, afterId,
                page.fetchSize());
        Page<ProjectView> result = Page.of(rows, page, ProjectView::of, p -> Cursor.of(sort.name(),
                sort == Project.Sort.name ? p.name() : p.createdAt(), p.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ProjectPage")
    record ProjectPage(List<ProjectView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProject", summary = "Get a project", description = "With its baseline once approved.")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        Project project = find(id);
        return Versions.ok(ProjectView.of(project), project.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateProject", summary = "Update a project",
            description = "Changes the fields sent (absent or null fields stay as they are); requires If-Match with the "
                    + "current ETag. COMPLETED and CANCELLED projects cannot be changed. The baseline is not "
                    + "affected. Publishes dev.tandem.project.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateProjectRequest.class),
            examples = @ExampleObject(name = "budget and dates", value = """
                    {"budget": {"amount": "135000.00", "currency": "EUR"}, "plannedEnd": "2027-04-09"}""")))
    @APIResponse(responseCode = "200", description = "The updated project",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateProjectRequest request) {
        Project project = find(id);
        Versions.requireIfMatch(ifMatch, project.version());
        if (request.key() != null) {
            requireFreeKey(request.key(), project.id());
        }
        requireProgram(request.programId());
        if (project.update(request.toChanges())) {
            Project.flush();
            events.updated(project);
        }
        return Versions.ok(ProjectView.of(project), project.version());
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeProjectStatus", summary = "Change a project's status",
            description = "PROPOSED → APPROVED → ACTIVE ⇄ ON_HOLD, ACTIVE → COMPLETED; CANCELLED (with a reason) from "
                    + "any non-final status. Approving needs a budget and planned dates and takes the baseline "
                    + "(budget, dates, task estimates) and computes the first health. Completing with open tasks is "
                    + "a 409 naming them. "
                    + "Requires If-Match. Publishes dev.tandem.project.status-changed.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeStatusRequest.class),
            examples = {
                    @ExampleObject(name = "approve", value = "{\"status\": \"APPROVED\"}"),
                    @ExampleObject(name = "cancel", value = "{\"status\": \"CANCELLED\", \"reason\": \"Superseded by the checkout redesign.\"}")}))
    @APIResponse(responseCode = "200", description = "The project in its new status",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status (the detail names the allowed ones), or completing with open tasks (named)",
            ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", description = "Approval without budget or dates, or cancelling without a reason",
            ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeStatus(@PathParam("id") UUID id,
                                 @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                                 @Valid @NotNull ChangeStatusRequest request) {
        Project project = find(id);
        Versions.requireIfMatch(ifMatch, project.version());
        ProjectStatus from = project.changeStatus(request.status(), request.reason(), new ProjectTasks(id));
        tracking.afterChange(project, () -> events.statusChanged(project, from));
        return Versions.ok(ProjectView.of(project), project.version());
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2027-01-12T14:20:05.310442Z",
               "actor": {"subject": "u-41b2", "kind": "PERSON", "name": "Ben Okafor"},
               "eventType": "dev.tandem.project.updated.v1",
               "changes": {"budget": {"from": {"amount": "80000.00", "currency": "EUR"},
                                      "to": {"amount": "95000.00", "currency": "EUR"}}}},
              {"at": "2027-01-04T09:00:00.120551Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "ppm-sync"},
               "eventType": "dev.tandem.project.created.v1",
               "changes": {"key": {"from": null, "to": "REORDER"}, "name": {"from": null, "to": "One-click reorder"},
                           "status": {"from": null, "to": "PROPOSED"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getProjectHistory", summary = "A project's history: who changed what, newest first",
            description = "One entry per change of the project (created, edited, status moves, health changes): when (at), who (actor: the caller the gateway "
                    + "authenticated, or project-service itself for a change made on another service's event or "
                    + "on a schedule), the event it published (eventType) and each field of the project's view that "
                    + "changed, from → to (on creation every field set, from null). Kept for as long as the project "
                    + "exists, independently of the event retention. Cursor-paginated; needs projects:read.")
    @APIResponse(responseCode = "200", description = "One page of the project's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params,
                            @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.PROJECT_CREATED.aggregateType(), id, page), page, uri);
    }

    private static Project find(UUID id) {
        Project project = Project.findById(id);
        if (project == null) {
            throw ProblemException.notFound("project", id);
        }
        return project;
    }

    private static void requireFreeKey(String key, UUID except) {
        if (Project.keyTaken(key, except)) {
            throw ProblemException.conflict("a project with key " + Project.normaliseKey(key) + " exists",
                    new Problem.FieldError("key", "is already used by another project"));
        }
    }

    private static void requireProgram(UUID programId) {
        if (programId != null && Program.findById(programId) == null) {
            throw ProblemException.unprocessable("program " + programId + " does not exist",
                    new Problem.FieldError("programId", "names no program"));
        }
    }
}
