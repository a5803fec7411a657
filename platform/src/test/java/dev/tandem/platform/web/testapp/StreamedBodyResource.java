package dev.tandem.platform.web.testapp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A route that reads its body as a stream (listed in tandem.http.streamed-body-paths): answers how many bytes it read. */
@Path("/test/streamed")
public class StreamedBodyResource {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> count(InputStream body) throws IOException {
        long n = 0;
        byte[] buffer = new byte[8192];
        for (int r; (r = body.read(buffer)) >= 0; ) {
            n += r;
        }
        return Map.of("bytes", n);
    }
}
