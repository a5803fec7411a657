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
import dev.tandem.project.cost.CostEvents;
import dev.tandem.project.cost.CostRules;
import dev.tandem.project.cost.ExpenseEntry;
import dev.tandem.project.project.Project;
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

@Path("/api/v1/projects/{projectId}/expenses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People and cost", description = "Members with allocation and cost rate, time and expense entries, over-allocation across projects.")
public class ExpenseResource {

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectTracking tracking;

    @Inject
    CostEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordExpense", summary = "Record an expense",
            description = "amount in the project's currency (422 naming amount.currency; a project without a budget "
                    + "has no currency yet, also 422). Entries are immutable. Publishes dev.tandem.expense.recorded.v1, adds to the actual cost and recomputes "
                    + "the project's health (project.budget-exceeded once the budget is passed). Send an "
                    + "Idempotency-Key.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntryRequests.RecordExpense.class),
            examples = @ExampleObject(name = "licences", value = """
                    {"amount": {"amount": "1200.00", "currency": "EUR"}, "category": "Licences",
                     "date": "2027-01-12", "description": "Payment sandbox, 3 months"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = EntryViews.ExpenseView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response record(@PathParam("projectId") UUID projectId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull EntryRequests.RecordExpense request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/projects/" + projectId + "/expenses", request,
                () -> {
                    Project project = Project.require(projectId);
                    project.requirePlanOpen();
                    CostRules.requireProjectCurrency(project, request.amount(), "amount.currency");
                    ExpenseEntry entry = ExpenseEntry.record(projectId, request.amount(), request.category(),
                            request.date(), request.description());
                    tracking.recordCost(project, entry, () -> events.expenseRecorded(entry));
                    return Response.created(URI.create("/api/v1/projects/" + projectId + "/expenses/" + entry.id()))
                            .entity(EntryViews.ExpenseView.of(entry)).build();
                });
    }

    @GET
    @Operation(operationId = "listExpenses", summary = "List a project's expenses",
            description = "In the order recorded; cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of expenses",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(schema = @Schema(implementation = EntryViews.ExpensePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("projectId") UUID projectId, @BeanParam PageParams params, @Context UriInfo uri) {
        Project.require(projectId);
        PageRequest page = params.toPageRequest();
        List<ExpenseEntry> rows = page.after() == null ? ExpenseEntry.page(projectId, null, null, page.fetchSize())
                : ExpenseEntry.page(projectId, page.after().instant(0), page.after().uuid(1), page.fetchSize());
        Page<EntryViews.ExpenseView> result = Page.of(rows, page, EntryViews.ExpenseView::of,
                e -> Cursor.of(e.createdAt(), e.id()));
        return PageLinks.ok(result, page, uri);
    }

    @GET
    @Path("/{entryId}")
    @Operation(operationId = "getExpense", summary = "Get an expense",
            description = "A recorded expense: amount (in the project's currency), category, date and description. Expenses are immutable.")
    @APIResponse(responseCode = "200", description = "The expense",
            content = @Content(schema = @Schema(implementation = EntryViews.ExpenseView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EntryViews.ExpenseView get(@PathParam("projectId") UUID projectId, @PathParam("entryId") UUID entryId) {
        Project.require(projectId);
        ExpenseEntry entry = ExpenseEntry.findById(entryId);
        if (entry == null || !entry.projectId().equals(projectId)) {
            throw dev.tandem.platform.problem.ProblemException.notFound("expense", entryId);
        }
        return EntryViews.ExpenseView.of(entry);
    }
}
