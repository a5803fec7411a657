package dev.tandem.platform.telemetry;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import dev.tandem.platform.outbox.Outbox;

/**
 * Test-only write that announces itself, as a service's create does: the change's event goes to the outbox in the
 * request's transaction, on the topic the test application's own inbox consumes ({@code TestEventConsumer}).
 */
@Path("/test/traced")
public class TracedEventResource {

    public static final String TOPIC = "test.inbox";
    public static final String TYPE = "dev.tandem.test.traced.v1";

    @Inject
    Outbox outbox;

    @POST
    @Path("{marker}")
    @Transactional
    public Response create(@PathParam("marker") String marker) {
        outbox.publish(TOPIC, "traced", marker, TYPE, Map.of("marker", marker));
        return Response.accepted().build();
    }
}
