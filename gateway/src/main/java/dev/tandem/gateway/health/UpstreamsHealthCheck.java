package dev.tandem.gateway.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.proxy.Upstream;
import dev.tandem.gateway.proxy.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * Readiness data about every upstream: {@code <name>} = UP/DOWN (its own readiness endpoint answered 2xx or not),
 * {@code <name>.url}, {@code <name>.circuit} and, when down, {@code <name>.error}.
 *
 * <p>The check itself is always UP: an upstream being down does not make the gateway unable to serve (it still
 * routes to the others, serves the merged OpenAPI document, and answers requests for the missing upstream with a
 * 502/503 problem). Taking the gateway out of a load balancer because one service is down would turn a partial
 * outage into a full one.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    public static final String NAME = "upstreams";

    private final Upstreams upstreams;
    private final GatewayConfig config;

    public UpstreamsHealthCheck(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    private record Probe(Upstream upstream, boolean up, String error) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<Probe>> probes = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            probes.add(probe(upstream));
        }
        Future<HealthCheckResponse> response = Future.join(new ArrayList<>(probes)).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up();
            int down = 0;
            for (Future<Probe> future : probes) {
                Probe probe = future.result();
                String name = probe.upstream().name();
                builder.withData(name, probe.up() ? "UP" : "DOWN");
                builder.withData(name + ".url", probe.upstream().url());
                builder.withData(name + ".circuit", probe.upstream().circuit().state().name());
                if (!probe.up()) {
                    down++;
                    builder.withData(name + ".error", probe.error());
                }
            }
            builder.withData("down", down);
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private Future<Probe> probe(Upstream upstream) {
        String path = config.upstreams().get(upstream.name()).healthPath();
        long timeout = config.health().timeout().toMillis();
        return upstream.client()
                .request(upstream.request(HttpMethod.GET, path.startsWith("/") ? path : "/" + path)
                        .setConnectTimeout(Math.min(timeout, upstream.request(HttpMethod.GET, "/").getConnectTimeout()))
                        .setIdleTimeout(timeout)
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .map(status -> status >= 200 && status < 300 ? new Probe(upstream, true, null)
                        : new Probe(upstream, false, "readiness answered HTTP " + status))
                .otherwise(error -> new Probe(upstream, false, describe(error)));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
