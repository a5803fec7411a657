package dev.tandem.feedback.customer;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(CustomerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customers who give feedback, and their weight (tier, annual revenue).")
public class CustomerResource {

    static final String PATH = "/api/v1/customers";

    @Inject
    CustomerEvents events;

    @Inject
    History history;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createCustomer", summary = "Create a customer",
            description = "Publishes dev.tandem.customer.created.v1. Send an Idempotency-Key to make retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateCustomerRequest.class),
            examples = @ExampleObject(name = "acme", value = """
                    {"externalCrmId": "SF-0012345", "name": "Acme GmbH", "segment": "Enterprise", "tier": "ENTERPRISE",
                     "annualRevenue": {"amount": "120000.00", "currency": "EUR"}, "contactEmail": "buyer@acme.example",
                     "emailOptOut": false}""")))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the new customer"),
                    @Header(name = "ETag", description = "Version of the new customer")},
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "A customer with this externalCrmId exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull CreateCustomerRequest request) {
        return idempotency.execute(idempotencyKey, "POST " + PATH, request, () -> {
            requireFreeCrmId(request.externalCrmId(), null);
            Customer customer = Customer.create(request.externalCrmId(), request.name(), request.segment(),
                    request.tier(), request.annualRevenue(), request.contactEmail(),
                    Boolean.TRUE.equals(request.emailOptOut()));
            customer.persistAndFlush();
            events.created(customer);
            return Versions.withETag(Response.created(URI.create(PATH + "/" + customer.id())), customer.version())
                    .entity(CustomerView.of(customer)).build();
        });
    }

    private static void requireFreeCrmId(String crmId, UUID exceptId) {
        if (Customer.crmIdTaken(crmId, exceptId)) {
            throw ProblemException.conflict("a customer with externalCrmId " + crmId.strip() + " exists",
                    new Problem.FieldError("externalCrmId", "is already used by another customer"));
        }
    }

    @GET
    @Operation(operationId = "listCustomers", summary = "List customers",
            description = "Oldest first, cursor-paginated: follow nextCursor (or the Link header) for the next page.")
    @APIResponse(responseCode = "200", description = "One page of customers",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@BeanParam PageParams params,
                         @Parameter(description = "Only customers in this segment (case-insensitive)")
                         @QueryParam("segment") @Size(max = 100) String segment,
                         @Parameter(description = "Only customers of this tier") @QueryParam("tier") Tier tier,
                         @Parameter(description = "Text contained in the name or the externalCrmId (case-insensitive)")
                         @QueryParam("q") @Size(max = 200) String q,
                         @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        List<Customer> rows = Customer.page(segment, tier, q, page.after() == null ? null : page.after().instant(0),
                page.after() == null ? null : page.after().uuid(1), page.fetchSize());
        Page<CustomerView> result = Page.of(rows, page, CustomerView::of, c -> Cursor.of(c.createdAt(), c.id()));
        return PageLinks.ok(result, page, uri);
    }

    /** For OpenAPI: the page type with its item type spelled out. */
    @Schema(name = "CustomerPage")
    record CustomerPage(List<CustomerView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCustomer", summary = "Get a customer",
            description = "The customer with CRM id, segment, tier, annual revenue, contact email and e-mail opt-out. The ETag is its version (If-None-Match gives a 304 while unchanged; If-Match is needed to update it).")
    @APIResponse(responseCode = "200", description = "The customer",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to update"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Customer customer = find(id);
        return Versions.ok(CustomerView.of(customer), customer.version(), ifNoneMatch);
    }

    private static final String HISTORY_EXAMPLE = """
            {"items": [
              {"at": "2026-11-23T08:02:11.204518Z",
               "actor": {"subject": "u-7f3a", "kind": "PERSON", "name": "Ana Lima"},
               "eventType": "dev.tandem.customer.updated.v1",
               "changes": {"tier": {"from": "GROWTH", "to": "ENTERPRISE"},
                           "annualRevenue": {"from": {"amount": "50000.00", "currency": "EUR"},
                                             "to": {"amount": "100000.00", "currency": "EUR"}}}},
              {"at": "2026-11-22T09:15:00.118204Z",
               "actor": {"subject": "apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "kind": "SYSTEM", "name": "crm-sync"},
               "eventType": "dev.tandem.customer.created.v1",
               "changes": {"externalCrmId": {"from": null, "to": "SF-0012345"}, "name": {"from": null, "to": "Acme GmbH"},
                           "tier": {"from": null, "to": "GROWTH"}}}],
             "nextCursor": "WzQxXQ"}""";

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getCustomerHistory", summary = "A customer's history: who changed what, newest first",
            description = "One entry per change of the customer (created, edited: tier, revenue, contact, e-mail opt-out…): when (at), who (actor: the caller the gateway "
                    + "authenticated, or feedback-service itself for a change made on another service's event), the "
                    + "event it published (eventType) and each field that changed, from → to (on creation every "
                    + "field set, from null). Kept for as long as the customer exists, independently of the event "
                    + "retention. Cursor-paginated; needs feedback:read.")
    @APIResponse(responseCode = "200", description = "One page of the customer's changes, newest first",
            headers = @Header(name = "Link", description = "rel=\"next\" URL of the next page, when there is one"),
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page(EventType.CUSTOMER_CREATED.aggregateType(), id, page), page, uri);
    }

    static Customer find(UUID id) {
        Customer customer = Customer.findById(id);
        if (customer == null) {
            throw ProblemException.notFound("customer", id);
        }
        return customer;
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateCustomer", summary = "Update a customer",
            description = "Changes only the fields sent. Requires If-Match with the current ETag. Publishes "
                    + "dev.tandem.customer.updated.v1 when something changed; when annualRevenue changed, the event "
                    + "carries the previous revenue too. A request that changes nothing answers 200 without an event.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateCustomerRequest.class),
            examples = {@ExampleObject(name = "revenue", value = """
                    {"tier": "ENTERPRISE", "annualRevenue": {"amount": "150000.00", "currency": "EUR"}}"""),
                    @ExampleObject(name = "optOut", summary = "The customer asked not to be e-mailed", value = """
                    {"emailOptOut": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated customer",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Another customer has this externalCrmId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id,
                           @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateCustomerRequest request) {
        Customer customer = find(id);
        Versions.requireIfMatch(ifMatch, customer.version());
        if (request.externalCrmId() != null) {
            requireFreeCrmId(request.externalCrmId(), customer.id());
        }
        Customer.Changes changes = customer.update(request.externalCrmId(), request.name(), request.segment(),
                request.tier(), request.annualRevenue(), request.contactEmail(), request.emailOptOut());
        if (!changes.none()) {
            customer.persistAndFlush();
            events.updated(customer, changes);
        }
        return Versions.ok(CustomerView.of(customer), customer.version());
    }
}
