package dev.tandem.platform.testsupport;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/test/ping")
public class PingResource {
    @GET
    public String ping() {
        return "pong";
    }
}
