package dev.tandem.project.program.api;

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
import dev.tandem.project.program.Program;
import dev.tandem.project.program.ProgramEvents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ProgramResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Programs: groups of projects.")
public class ProgramResource {

    static final String PATH = "/api/v1/programs";

    @Inject
    ProgramEvents events;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createProgram", summary = "Create a program",
            description = "Creates a program and publishes dev.tandem.program.created.v1. Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateProgramRequest.class),
            examples = @ExampleObject(name = "growth", value = """
                    {"key": "GROWTH", "name": "Growth 2027", "description": "Everything that grows repeat purchases.",
                     "owner": "olu.pgm@example.com"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateProgramRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            requireFreeKey(request.key(), null);
            Program program = Program.create(request.key(), request.name(), request.description(), request.owner());
            program.persistAndFlush();
            events.created(program);
            return Versions.withETag(Response.created(URI.create(PATH + "/" + program.id())), program.version())
                    .entity(ProgramView.of(program)).build();
        });
    }

    @GET
    @Operation(operationId = "listPrograms", summary = "List programs",
            description = "Oldest first, cursor-paginated: follow nextCursor (or the Link header) for the next page.")
    @APIResponse(responseCode = "200", description = "One page of programs",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = ProgramPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        List<Program> rows = Program.page(page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<ProgramView> result = Page.of(rows, page, ProgramView::of, p -> Cursor.of(p.createdAt(), p.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "ProgramPage")
    record ProgramPage(List<ProgramView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProgram", summary = "Get a program",
            description = "The program with its roll-up over its projects (CANCELLED ones left out): budget and spend per currency, and the worst health among them. The ETag is its version, needed in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The program",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        Program program = find(id);
        return Versions.ok(ProgramView.of(program), program.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateProgram", summary = "Update a program",
            description = "Changes the fields sent (absent or null fields stay as they are); requires If-Match with the "
                    + "current ETag. Publishes dev.tandem.program.updated.v1 when something changed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateProgramRequest.class),
            examples = @ExampleObject(name = "rename", value = """
                    {"name": "Growth 2027 (H1)", "owner": "kim.pgm@example.com"}""")))
    @APIResponse(responseCode = "200", description = "The updated program",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(ref = "If-Match") String ifMatch,
                           @Valid @NotNull UpdateProgramRequest request) {
        Program program = find(id);
        Versions.requireIfMatch(ifMatch, program.version());
        if (request.key() != null) {
            requireFreeKey(request.key(), program.id());
        }
        if (program.update(request.key(), request.name(), request.description(), request.owner())) {
            Program.flush();
            events.updated(program);
        }
        return Versions.ok(ProgramView.of(program), program.version());
    }

    private static Program find(UUID id) {
        Program program = Program.findById(id);
        if (program == null) {
            throw ProblemException.notFound("program", id);
        }
        return program;
    }

    private static void requireFreeKey(String key, UUID except) {
        if (Program.keyTaken(key, except)) {
            throw ProblemException.conflict("a program with key " + Program.normaliseKey(key) + " exists",
                    new Problem.FieldError("key", "is already used by another program"));
        }
    }
}
