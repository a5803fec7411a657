package dev.tandem.devstack.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tandem.devstack.AfterReadyHook;
import dev.tandem.devstack.stack.LogPrefixer;
import dev.tandem.devstack.stack.LogSink;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackEndpoints;
import dev.tandem.devstack.stack.StackException;

/**
 * Loads the demo data set ({@link DemoDataSet}) through the gateway once the stack is ready, so that a newcomer who
 * opens Swagger UI or calls a product's overview sees a living system: 3 products at different lifecycle stages,
 * objectives with measurements, 30 features, 60 customers, about 1,000 feedback items from every channel with
 * links, votes, discussions and two NPS surveys, 5 projects in different health states and released features.
 *
 * <p>Only the public API, with the admin API key the gateway wrote for this data folder
 * ({@link Stack#adminKeyFile(Path)}). The admin key has the gateway's default rate limit, so the loader first
 * creates its own short-lived key ({@code demo-data-loader}, every read and write scope, a high limit, expiring in
 * an hour) and revokes it when done. Skipped when {@code TANDEM_DEMO=false}, and when product {@code CHK} already
 * exists (the data folder survives restarts: the data is loaded once). Deterministic: a fixed seed.
 */
public final class DemoData implements AfterReadyHook {

    public static final String ENV = "TANDEM_DEMO";
    static final String MARKER_PRODUCT_KEY = "CHK";
    static final String LOADER_KEY_NAME = "demo-data-loader";

    private final Map<String, String> env;
    private final Consumer<String> out;

    /** For {@link java.util.ServiceLoader}: the process environment, lines to stdout as {@code demo     | …}. */
    public DemoData() {
        this(System.getenv(), line -> LogSink.stdout().line(
                LogPrefixer.forLabel("demo", LogPrefixer.colourByDefault()).apply(line)));
    }

    public DemoData(Map<String, String> env, Consumer<String> out) {
        this.env = env;
        this.out = out;
    }

    /** The outcome of one run, for callers that check it (the system test). */
    public record Result(boolean loaded, String message) {
    }

    @Override
    public void afterReady(StackEndpoints endpoints) {
        if (disabled(env)) {
            out.accept("demo data skipped (" + ENV + "=" + env.get(ENV) + ")");
            return;
        }
        Path keyFile = Stack.adminKeyFile(endpoints.dataDir());
        String adminKey = readKey(keyFile).orElseThrow(() -> new StackException("no admin API key in " + keyFile
                + " to load the demo data with (the gateway writes it on the first start of a data folder); start "
                + "with " + ENV + "=false, or --reset to start afresh"));
        try {
            Result result = load(endpoints.gatewayUrl(), adminKey);
            out.accept(result.message());
        } catch (DemoException e) {
            throw new StackException("loading the demo data failed: " + e.getMessage()
                    + " — start with " + ENV + "=false to skip it, or --reset to start afresh", e);
        }
    }

    static boolean disabled(Map<String, String> env) {
        String v = env.get(ENV);
        return v != null && List.of("false", "0", "no", "off").contains(v.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Loads the demo data through {@code gatewayUrl} unless it is there already; the message says what happened
     * (counts and time taken).
     */
    public Result load(String gatewayUrl, String adminKey) {
        long t0 = System.nanoTime();
        DemoApi api = new DemoApi(gatewayUrl, adminKey);
        if (alreadyLoaded(api)) {
            return new Result(false, "demo data already loaded (product " + MARKER_PRODUCT_KEY + " exists); "
                    + "delete the data folder or run with --reset to load it afresh");
        }
        out.accept("loading the demo data through the gateway (" + ENV + "=false skips it) …");
        String loaderKeyId = createLoaderKey(api);
        try {
            DemoDataSet data = DemoDataSet.generate(DemoDataSet.DEFAULT_SEED, Instant.now());
            DemoLoader.Summary s = new DemoLoader(api, data, line -> out.accept("  " + line)).load();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            return new Result(true, String.format(Locale.ROOT, "demo data loaded in %.1f s (%d requests): "
                            + "%d products, %d features, %d customers, %d feedback items imported + %d votes, "
                            + "%d links, %d comments, %d NPS answers, %d pivot, %d projects %s, %d releases",
                    took.toMillis() / 1000.0, s.requests(), s.products(), s.features(), s.customers(),
                    s.feedbackImported(), s.votes(), s.links(), s.comments(), s.npsAnswers(), s.pivots(), s.projects(),
                    s.projectHealth(), s.releases()));
        } finally {
            api.useKey(adminKey);
            try {
                api.delete("/api/v1/admin/api-keys/" + loaderKeyId);
            } catch (DemoException e) {
                // it expires within the hour anyway; keep the load's own outcome (or failure) as the message
                out.accept("could not revoke the " + LOADER_KEY_NAME + " API key (it expires within the hour): "
                        + e.getMessage());
            }
        }
    }

    private static boolean alreadyLoaded(DemoApi api) {
        JsonNode page = api.get("/api/v1/products?limit=200&q=" + MARKER_PRODUCT_KEY);
        for (JsonNode p : page.path("items")) {
            if (MARKER_PRODUCT_KEY.equalsIgnoreCase(p.path("key").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A key of its own with a high rate limit, so ~1,500 requests are not slowed down by the admin key's limit. */
    private static String createLoaderKey(DemoApi api) {
        var body = DemoApi.object().put("name", LOADER_KEY_NAME).put("rateLimitPerMinute", 100_000)
                .put("expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode scopes = body.putArray("scopes");
        List.of("products:read", "products:write", "projects:read", "projects:write", "feedback:read",
                "feedback:write").forEach(scopes::add);
        DemoApi.Answer issued = api.post("/api/v1/admin/api-keys", body);
        api.useKey(issued.body().path("secret").asText());
        return issued.id();
    }

    static Optional<String> readKey(Path file) {
        try {
            return Optional.of(Files.readString(file).strip()).filter(k -> !k.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
