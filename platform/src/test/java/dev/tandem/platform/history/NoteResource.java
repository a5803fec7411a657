package dev.tandem.platform.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.platform.outbox.Outbox;
import dev.tandem.platform.paging.PageLinks;
import dev.tandem.platform.paging.PageParams;
import dev.tandem.platform.paging.PageRequest;
import dev.tandem.platform.problem.ProblemException;

/** Test-only resource: an authored entity whose changes publish events and record history, as a service does. */
@Path("/test/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    public static final String TOPIC = "test.notes";

    @Inject
    Outbox outbox;

    @Inject
    History history;

    public record NoteInput(String text, List<String> tags, BigDecimal price) {
    }

    @POST
    @Transactional
    public Response create(NoteInput input) {
        Note n = new Note();
        n.id = UUID.randomUUID();
        n.text = input.text();
        n.tags = input.tags() == null ? new ArrayList<>() : new ArrayList<>(input.tags());
        n.price = input.price();
        n.persistAndFlush();
        outbox.publish(TOPIC, "note", n.id, "dev.tandem.test.note-created.v1", Map.of("noteId", n.id, "text", n.text));
        history.recordCreated("note", n.id, "dev.tandem.test.note-created.v1", Note.View.of(n));
        return Response.status(201).entity(Note.View.of(n)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public Note.View update(@PathParam("id") UUID id, NoteInput input) {
        Note n = find(id);
        if (input.text() != null) {
            n.text = input.text();
        }
        if (input.tags() != null) {
            n.tags = new ArrayList<>(input.tags());
        }
        if (input.price() != null) {
            n.price = input.price();
        }
        Note.flush();
        changed(n, "dev.tandem.test.note-updated.v1");
        return Note.View.of(n);
    }

    @GET
    @Path("/{id}/history")
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams params, @Context UriInfo uri) {
        PageRequest page = params.toPageRequest();
        find(id);
        return PageLinks.ok(history.page("note", id, page), page, uri);
    }

    /** What a consumer or a scheduled job does: a change with no HTTP caller. */
    @Transactional
    public void retag(UUID id, List<String> tags) {
        Note n = find(id);
        n.tags = new ArrayList<>(tags);
        Note.flush();
        changed(n, "dev.tandem.test.note-updated.v1");
    }

    /** A bulk change: two notes created and one of them changed again, recorded together. */
    @Transactional
    public List<UUID> importTwoAndRenameTheFirst(String first, String second, String renamed) {
        Note a = new Note();
        a.id = UUID.randomUUID();
        a.text = first;
        Note b = new Note();
        b.id = UUID.randomUUID();
        b.text = second;
        a.persist();
        b.persist();
        Note.View aCreated = Note.View.of(a);
        a.text = renamed;
        Note.flush();
        history.recordAll(List.of(new History.Change("note", a.id, "dev.tandem.test.note-created.v1", aCreated),
                new History.Change("note", b.id, "dev.tandem.test.note-created.v1", Note.View.of(b)),
                new History.Change("note", a.id, "dev.tandem.test.note-updated.v1", Note.View.of(a))));
        return List.of(a.id, b.id);
    }

    private void changed(Note n, String type) {
        outbox.publish(TOPIC, "note", n.id, type, Map.of("noteId", n.id, "text", n.text));
        history.record("note", n.id, type, Note.View.of(n));
    }

    private static Note find(UUID id) {
        Note n = Note.findById(id);
        if (n == null) {
            throw ProblemException.notFound("note", id);
        }
        return n;
    }
}
