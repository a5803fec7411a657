package dev.tandem.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.devstack.stack.Service;

/**
 * The HTTP scenarios driven by wrk: each measures the gateway and, where there is one, the same request straight at
 * the service (and pgbench for creates) in the same run, so the table can show ratios that mean something on any
 * machine. {@link ImportScenario} and {@link EventLagScenario} are the two that are not plain wrk runs.
 */
final class Scenarios {

    private final BenchContext ctx;
    private final Path workDir;

    Scenarios(BenchContext ctx, Path workDir) {
        this.ctx = ctx;
        this.workDir = workDir;
    }

    /** The framework's trivial endpoint: the most requests per second any endpoint can get on this machine. */
    ScenarioResult ceiling() {
        String path = "/q/health/live";
        ctx.prime("GET", ctx.url(Service.GATEWAY) + path, Map.of(), null);
        ctx.prime("GET", ctx.url(Service.PRODUCT) + path, Map.of(), null);
        LoadResult gateway = ctx.measure("ceiling, gateway",
                () -> WrkRunner.Job.get(ctx.url(Service.GATEWAY) + path, Map.of()));
        LoadResult service = ctx.measure("ceiling, product-service",
                () -> WrkRunner.Job.get(ctx.url(Service.PRODUCT) + path, Map.of()));
        return new ScenarioResult("ceiling", List.of(
                Row.of("ceiling", "gateway", "gateway GET " + path, gateway),
                Row.of("ceiling", "service", "product-service GET " + path, service)), Map.of(), List.of());
    }

    /** GET /api/v1/products/{id}, ids of {@value Seeds#READ_PRODUCTS} seeded products round-robin. */
    ScenarioResult getById() {
        Path ids = workDir.resolve("product-ids.txt");
        try {
            Files.write(ids, ctx.seeds.readProducts());
        } catch (IOException e) {
            throw new BenchException("cannot write " + ids + ": " + e.getMessage(), e);
        }
        String path = "/api/v1/products/";
        String first = ctx.seeds.readProducts().get(0);
        ctx.prime("GET", ctx.url(Service.GATEWAY) + path + first, ctx.gatewayHeaders(false), null);
        ctx.prime("GET", ctx.url(Service.PRODUCT) + path + first, ctx.directHeaders(false), null);
        LoadResult gateway = ctx.measure("get-by-id, gateway", () -> byId(Service.GATEWAY,
                ctx.gatewayHeaders(false), path, ids));
        LoadResult direct = ctx.measure("get-by-id, product-service", () -> byId(Service.PRODUCT,
                ctx.directHeaders(false), path, ids));
        return new ScenarioResult("get-by-id", List.of(
                Row.of("get-by-id", "gateway", "gateway GET " + path + "{id}", gateway),
                Row.of("get-by-id", "direct", "product-service GET " + path + "{id}", direct)), Map.of(), List.of());
    }

    private WrkRunner.Job byId(Service service, Map<String, String> headers, String path, Path ids) {
        return new WrkRunner.Job(ctx.url(service), List.of("get-by-id.lua"), headers,
                Map.of("path", path, "ids", ids.toString()));
    }

    /** The first page of the product list. */
    ScenarioResult list() {
        ctx.seeds.readProducts();
        String path = "/api/v1/products?limit=25";
        ctx.prime("GET", ctx.url(Service.GATEWAY) + path, ctx.gatewayHeaders(false), null);
        ctx.prime("GET", ctx.url(Service.PRODUCT) + path, ctx.directHeaders(false), null);
        LoadResult gateway = ctx.measure("list, gateway",
                () -> WrkRunner.Job.get(ctx.url(Service.GATEWAY) + path, ctx.gatewayHeaders(false)));
        LoadResult direct = ctx.measure("list, product-service",
                () -> WrkRunner.Job.get(ctx.url(Service.PRODUCT) + path, ctx.directHeaders(false)));
        return new ScenarioResult("list", List.of(
                Row.of("list", "gateway", "gateway GET " + path, gateway),
                Row.of("list", "direct", "product-service GET " + path, direct)), Map.of(), List.of());
    }

    /**
     * POST /api/v1/products through the gateway and straight at product-service, then pgbench's single-row insert.
     * Afterwards: every product created (warm-ups included) has its product.created event published (the outbox
     * has no unsent row) and feedback-service's catalog has the product.
     */
    ScenarioResult createProduct() {
        List<String> prefixes = new ArrayList<>();
        primeCreate(Service.GATEWAY, ctx.gatewayHeaders(true));
        primeCreate(Service.PRODUCT, ctx.directHeaders(true));
        LoadResult gateway = ctx.measure("create-product, gateway",
                () -> create(Service.GATEWAY, ctx.gatewayHeaders(true), prefixes));
        // let the relay and feedback-service finish with the gateway's products before measuring the next target
        awaitReplicated(prefixes);
        LoadResult direct = ctx.measure("create-product, product-service",
                () -> create(Service.PRODUCT, ctx.directHeaders(true), prefixes));
        ctx.say("create-product: waiting until every product.created event is published and replicated");
        Optional<Duration> took = awaitReplicated(prefixes);
        long created = ctx.db.products(prefixes);
        long replicated = ctx.db.catalogProducts(prefixes);
        ctx.say("create-product, pgbench single-row INSERT: measuring for " + ctx.options.measure().toSeconds() + " s");
        LoadResult pgbench = ctx.pgbench.insert(ctx.options.measure(), ctx.options.connections(), ctx.wrk.threads());

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("created", created);
        facts.put("replicated", replicated);
        facts.put("unsentEvents", ctx.db.unsentEvents(Service.PRODUCT));
        facts.put("replicatedSeconds", took.map(Scenarios::seconds).orElse(null));
        String note = "published+replicated: " + replicated + "/" + created + ", " + took
                .map(d -> "took " + format(seconds(d)) + " s after the last request")
                .orElse("still missing after " + ctx.options.settleTimeout().toSeconds() + " s");
        return new ScenarioResult("create-product", List.of(
                Row.of("create-product", "gateway", "gateway POST /api/v1/products", gateway),
                Row.of("create-product", "direct", "product-service POST /api/v1/products", direct),
                Row.of("create-product", "pgbench", "pgbench single-row INSERT", pgbench)), facts, List.of(note));
    }

    private WrkRunner.Job create(Service service, Map<String, String> headers, List<String> prefixes) {
        String prefix = ctx.keyPrefix();
        prefixes.add(prefix);
        return new WrkRunner.Job(ctx.url(service), List.of("create-product.lua"), headers,
                Map.of("path", "/api/v1/products", "prefix", prefix));
    }

    /** A product of its own key prefix: not one the checks after the load count. */
    private void primeCreate(Service service, Map<String, String> headers) {
        String key = ctx.keyPrefix() + "P";
        ctx.prime("POST", ctx.url(service) + "/api/v1/products", headers,
                "{\"key\":\"" + key + "\",\"name\":\"Benchmark primer " + key + "\"}");
    }

    /**
     * Until product-service's outbox is empty and feedback-service's catalog has every product of {@code prefixes}
     * (counted anew each time: a request still in flight when wrk stopped may add one).
     */
    private Optional<Duration> awaitReplicated(List<String> prefixes) {
        return Await.until(ctx.options.settleTimeout(), () -> ctx.db.unsentEvents(Service.PRODUCT) == 0
                && ctx.db.catalogProducts(prefixes) == ctx.db.products(prefixes));
    }

    /**
     * A write whose effect is computed in another service: feedback is recorded and linked to a feature in
     * feedback-service, and product-service recomputes the feature's demand from the feedback.linked events.
     * Afterwards: how long until the demand counts every link.
     */
    ScenarioResult feedbackLink() {
        String product = ctx.seeds.product();
        String feature = ctx.seeds.feature(product);
        List<String> customers = ctx.seeds.customers(10);
        ctx.seeds.awaitInCatalog(product, feature);
        String reference = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        // one item and its link first, as for the other targets (see BenchContext.prime); counted like the rest
        String primer = ctx.seeds.api().post("/api/v1/feedback", BenchApi.object().put("source", "SUPPORT")
                .put("externalReference", reference + "-primer").put("customerId", customers.get(0))
                .put("productId", product).put("title", "Exports are slow").put("text", "Exports time out."))
                .path("id").asText();
        ctx.seeds.api().post("/api/v1/feedback/" + primer + "/links",
                BenchApi.object().put("featureId", feature).put("importance", "IMPORTANT"));
        int[] runs = {0};
        LoadResult gateway = ctx.measure("feedback-link, gateway", () -> new WrkRunner.Job(ctx.url(Service.GATEWAY),
                List.of("feedback-link.lua"), ctx.gatewayHeaders(true),
                Map.of("reference", reference + "-" + ++runs[0], "product", product, "feature", feature,
                        "customers", String.join(",", customers))));

        ctx.say("feedback-link: waiting until product-service's demand for the feature counts every link");
        long[] links = {0};
        long[] counted = {0};
        Optional<Duration> took = Await.until(ctx.options.settleTimeout(), () -> {
            links[0] = ctx.db.links(UUID.fromString(feature));
            counted[0] = ctx.seeds.api().get("/api/v1/features/" + feature).path("demand").path("feedbackCount").asLong();
            return ctx.db.unsentEvents(Service.FEEDBACK) == 0 && counted[0] == links[0];
        });
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("links", links[0]);
        facts.put("demandFeedbackCount", counted[0]);
        facts.put("demandSeconds", took.map(Scenarios::seconds).orElse(null));
        String note = links[0] + " feedback items linked (2 requests each); " + took
                .map(d -> "product-service's demand counted all of them " + format(seconds(d)) + " s after the last request")
                .orElse("product-service's demand counted " + counted[0] + " after "
                        + ctx.options.settleTimeout().toSeconds() + " s");
        return new ScenarioResult("feedback-link", List.of(
                Row.of("feedback-link", "gateway", "gateway POST /api/v1/feedback + POST …/links", gateway)),
                facts, List.of(note));
    }

    static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
