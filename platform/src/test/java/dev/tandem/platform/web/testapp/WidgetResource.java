package dev.tandem.platform.web.testapp;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.telemetry.TraceContext;
import dev.tandem.platform.web.RequestContext;
import dev.tandem.platform.web.Versions;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.MDC;

/** Test-only resource exercising every HTTP convention of the platform. */
@Path("/test/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    public static final String SCOPE = "POST /test/widgets";

    @Inject
    EntityManager em;

    @Inject
    Idempotency idempotency;

    @Inject
    RequestContext requestContext;

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(ref = "Idempotency-Key") String key,
            @Valid WidgetInput body) {
        return idempotency.execute(key, SCOPE, body, () -> {
            if ("explode".equals(body.name())) {
                throw new IllegalStateException("create failed after the key row was written");
            }
            Widget w = new Widget();
            w.id = UUID.randomUUID();
            w.name = body.name();
            w.quantity = body.quantity();
            w.color = body.color();
            w.due = body.due();
            w.batch = body.batch();
            w.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            em.persist(w);
            em.flush();
            return Versions.withETag(Response.created(URI.create("/test/widgets/" + w.id)), w.version)
                    .entity(WidgetView.of(w)).build();
        });
    }

    /** Inserts {@code count} widgets of a batch, all with the same created_at when {@code sameTime}. */
    @POST
    @Path("bulk")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public List<UUID> bulk(@QueryParam("batch") String batch, @QueryParam("count") int count,
            @QueryParam("sameTime") boolean sameTime) {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            Widget w = new Widget();
            w.id = UUID.randomUUID();
            w.name = "bulk-" + i;
            w.quantity = i;
            w.color = Color.values()[i % 3];
            w.batch = batch;
            w.createdAt = sameTime ? t : t.plus(i % 4, ChronoUnit.MILLIS);
            em.persist(w);
            return w.id;
        }).toList();
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of widgets")
    public Response list(@BeanParam PageParams pageParams,
            @QueryParam("batch") String batch,
            @QueryParam("minQuantity") @Min(0) @Max(1000) Integer minQuantity,
            @Context UriInfo uriInfo) {
        PageRequest page = pageParams.toPageRequest();
        String where = "where w.batch = :batch and w.quantity >= :min"
                + (page.after() == null ? "" : " and (w.createdAt, w.id) > (:t, :id)");
        var query = em.createQuery("select w from Widget w " + where + " order by w.createdAt, w.id", Widget.class)
                .setParameter("batch", batch)
                .setParameter("min", minQuantity == null ? 0 : minQuantity)
                .setMaxResults(page.fetchSize());
        if (page.after() != null) {
            query.setParameter("t", page.after().instant(0)).setParameter("id", page.after().uuid(1));
        }
        Page<WidgetView> result = Page.of(query.getResultList(), page, WidgetView::of,
                w -> Cursor.of(w.createdAt, w.id));
        return PageLinks.ok(result, page, uriInfo);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Widget w = find(id);
        return Versions.ok(WidgetView.of(w), w.version, ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Transactional
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid WidgetInput body) {
        Widget w = find(id);
        Versions.requireIfMatch(ifMatch, w.version);
        w.name = body.name();
        w.quantity = body.quantity();
        w.color = body.color();
        em.flush();
        return Versions.ok(WidgetView.of(w), w.version);
    }

    /** Someone else commits a change between our read and our write: Hibernate's version check fails. */
    @PUT
    @Path("{id}/racing")
    @Transactional
    public Response racingUpdate(@PathParam("id") UUID id, @Valid WidgetInput body) {
        Widget w = find(id);
        em.createNativeQuery("UPDATE test_widget SET version = version + 1 WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
        w.name = body.name();
        em.flush();
        return Versions.ok(WidgetView.of(w), w.version);
    }

    @GET
    @Path("count")
    @Produces(MediaType.TEXT_PLAIN)
    public long count(@QueryParam("min") int min, @QueryParam("color") Color color, @BeanParam WidgetFilter filter) {
        return em.createQuery("select count(w) from Widget w where w.quantity >= :min", Long.class)
                .setParameter("min", min).getSingleResult();
    }

    /** Widgets due before a date and created since an instant: both reach the database as parameters. */
    @GET
    @Path("due")
    @Produces(MediaType.TEXT_PLAIN)
    public long dueBefore(@QueryParam("before") LocalDate before, @QueryParam("createdSince") Instant createdSince) {
        return em.createQuery("select count(w) from Widget w where w.due < :before and w.createdAt >= :since",
                        Long.class)
                .setParameter("before", before == null ? LocalDate.of(9999, 12, 31) : before)
                .setParameter("since", createdSince == null ? Instant.EPOCH : createdSince).getSingleResult();
    }

    @GET
    @Path("context")
    public Map<String, String> context() {
        Object mdc = MDC.get(RequestContext.MDC_KEY);
        Object traceId = MDC.get("traceId");
        Object spanId = MDC.get("spanId");
        String traceparent = TraceContext.currentTraceparent();
        return Map.of("requestId", requestContext.requestId(),
                "traceparent", traceparent == null ? "" : traceparent,
                "mdc", mdc == null ? "" : mdc.toString(),
                "mdcTraceId", traceId == null ? "" : traceId.toString(),
                "mdcSpanId", spanId == null ? "" : spanId.toString(),
                "thread", Thread.currentThread().getName());
    }

    /** Inserts a second row with the id of an existing widget: a unique violation reaching the database. */
    @POST
    @Path("{id}/duplicate")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Response duplicate(@PathParam("id") UUID id) {
        em.createNativeQuery("INSERT INTO test_widget (id, name, quantity, color, created_at, version) "
                + "VALUES (?1, 'dup', 0, 'RED', now(), 0)").setParameter(1, id).executeUpdate();
        return Response.noContent().build();
    }

    @GET
    @Path("bare-conflict")
    public Response bareConflict() {
        return Response.status(409).build();
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail: password=hunter2");
    }

    @GET
    @Path("teapot")
    public String teapot() {
        throw new ProblemException(409, "widget-locked", "Widget locked", "The widget is locked", List.of());
    }

    /** A refusal of the domain, of the kind named (INVALID, NOT_FOUND, CONFLICT, RULE_BROKEN). */
    @GET
    @Path("refused/{kind}")
    public String refused(@PathParam("kind") String kind) {
        DomainException.FieldIssue issue = new DomainException.FieldIssue("status", "allowed: OPEN");
        throw switch (DomainException.Kind.valueOf(kind)) {
            case INVALID -> DomainException.invalid("a widget needs a colour", issue);
            case NOT_FOUND -> DomainException.notFound("Widget", "w-1");
            case CONFLICT -> DomainException.conflict("a CLOSED widget cannot move", issue);
            case RULE_BROKEN -> DomainException.ruleBroken("no such colour", issue);
            case FORBIDDEN -> DomainException.forbidden("only its owner paints a widget", issue);
        };
    }

    private Widget find(UUID id) {
        Widget w = em.find(Widget.class, id);
        if (w == null) {
            throw ProblemException.notFound("Widget", id);
        }
        return w;
    }
}
