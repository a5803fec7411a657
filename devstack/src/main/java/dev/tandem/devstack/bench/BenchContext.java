package dev.tandem.devstack.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.StackEndpoints;

/**
 * What every scenario uses: the options, the stack's endpoints, the load generators, the databases, credentials
 * for both ways in, a seeding client, and unique product-key prefixes.
 */
final class BenchContext implements AutoCloseable {

    /**
     * Long enough for the whole run (even with a long --duration): minted once and reused, as the gateway reuses a
     * caller's token, so the service verifies it as it would a gateway's.
     */
    private static final Duration INTERNAL_TOKEN_TTL = Duration.ofHours(2);
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    final BenchOptions options;
    final StackEndpoints endpoints;
    final WrkRunner wrk;
    final PgBench pgbench;
    final BenchDb db;
    final Seeds seeds;
    private final PrintStream out;
    private final HttpClient http;
    private final String apiKey;
    private final String internalToken;
    private int nextPrefix = ThreadLocalRandom.current().nextInt(36 * 36);

    BenchContext(BenchOptions options, StackEndpoints endpoints, String adminApiKey, Path workDir, PrintStream out) {
        this.options = options;
        this.endpoints = endpoints;
        this.out = out;
        this.wrk = new WrkRunner(Tools.require(Tools.WRK), workDir, options.connections());
        this.pgbench = new PgBench(Tools.require(Tools.PGBENCH), endpoints, workDir);
        this.db = new BenchDb(endpoints);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        BenchApi admin = new BenchApi(http, endpoints.gatewayUrl(), Map.of("Authorization", "Bearer " + adminApiKey));
        this.apiKey = Credentials.apiKey(admin, "bench");
        this.internalToken = Credentials.internalToken(endpoints.dataDir(), INTERNAL_TOKEN_TTL);
        this.seeds = new Seeds(new BenchApi(http, endpoints.gatewayUrl(), gatewayHeaders(false)), this);
    }

    void say(String line) {
        out.println("bench | " + line);
    }

    /**
     * Three characters that start the product keys of one phase, so its products can be counted and checked later:
     * {@code B} and two base-36 digits, counting up from a random start (two runs against one stack, as the smoke
     * test's, are unlikely to meet).
     */
    String keyPrefix() {
        String prefix = "B" + base36(nextPrefix, 2);
        nextPrefix = (nextPrefix + 1) % (36 * 36);
        return prefix;
    }

    /** {@code n} in base 36, upper case, the last {@code width} digits (zero-padded): product keys are letters and digits. */
    static String base36(int n, int width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < width; i++, n /= 36) {
            s.insert(0, BASE36.charAt(n % 36));
        }
        return s.toString();
    }

    /** Headers for the gateway: the benchmark's own API key (see {@link Credentials#apiKey}). */
    Map<String, String> gatewayHeaders(boolean jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        if (jsonBody) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    /** Headers for a request straight at a service: the internal token the gateway would have added. */
    Map<String, String> directHeaders(boolean jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Credentials.INTERNAL_TOKEN_HEADER, internalToken);
        if (jsonBody) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    String url(Service service) {
        return endpoints.url(service);
    }

    /**
     * One request before a target is measured, which must be answered 2xx: the first request of a path pays one-time
     * costs (class loading, query planning) that could fill a whole short measurement, and wrong credentials show
     * here as one clear error instead of a table of failures.
     */
    void prime(String method, String url, Map<String, String> headers, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        BenchApi.expect2xx(BenchApi.send(http, request.build()), method + " " + url);
    }

    /**
     * Warms up (unmeasured, {@link BenchOptions#warmup()}), then measures a wrk job for {@link BenchOptions#measure()}.
     * The job is built afresh for each run, so each gets new keys and unique data.
     */
    LoadResult measure(String what, Supplier<WrkRunner.Job> job) {
        if (!options.warmup().isZero()) {
            say(what + ": warming up for " + options.warmup().toSeconds() + " s");
            wrk.run(job.get(), options.warmup());
        }
        say(what + ": measuring for " + options.measure().toSeconds() + " s");
        return wrk.run(job.get(), options.measure());
    }

    @Override
    public void close() {
        db.close();
    }
}
