package dev.tandem.gateway.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.tandem.gateway.web.GatewayProblems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /asyncapi/asyncapi.yaml}: the event contract of the topics (and of {@code GET /api/v1/events}), as the
 * {@code events} module publishes it, with the payload schemas it refers to ({@code ./schemas/<type>.schema.json},
 * served next to it so the relative references resolve). Open, like {@code /openapi}; {@code /asyncapi} redirects.
 * Only those files: anything else under {@code /asyncapi/} is a 404 problem.
 */
@ApplicationScoped
public class AsyncApiHandler {

    public static final String PATH = "/asyncapi";
    public static final String DOCUMENT = PATH + "/asyncapi.yaml";
    private static final String RESOURCES = "dev/tandem/events/";
    private static final Pattern FILE = Pattern.compile("asyncapi\\.yaml|schemas/[a-z0-9][a-z0-9.-]*\\.schema\\.json");

    private final GatewayProblems problems;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public AsyncApiHandler(GatewayProblems problems) {
        this.problems = problems;
    }

    void init(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).handler(ctx -> ctx.redirect(DOCUMENT));
        router.route(HttpMethod.GET, PATH + "/*").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String name = ctx.normalizedPath().substring(PATH.length() + 1);
        Optional<byte[]> file = FILE.matcher(name).matches() ? cached(name) : Optional.empty();
        if (file.isEmpty()) {
            problems.send(ctx, 404, "not-found", "Not found", "No such file of the event contract; start at " + DOCUMENT);
            return;
        }
        ctx.response()
                .putHeader("Content-Type", name.endsWith(".yaml") ? "application/yaml;charset=UTF-8"
                        : "application/schema+json")
                .putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(file.get()));
    }

    /** Only files that exist are kept: a client asking for made-up names must not grow the cache. */
    private Optional<byte[]> cached(String name) {
        byte[] known = files.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> read = read(name);
        read.ifPresent(bytes -> files.put(name, bytes));
        return read;
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = AsyncApiHandler.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
