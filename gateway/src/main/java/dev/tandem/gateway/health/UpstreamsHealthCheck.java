package dev.tandem.gateway.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private record Probe(Upstream upstream, Upstream.Instance instance, boolean up, String error) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<Probe>> probes = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            for (Upstream.Instance instance : upstream.instances()) {
                probes.add(probe(upstream, instance));
            }
        }
        Future<HealthCheckResponse> response = Future.join(new ArrayList<>(probes)).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up();
            Map<Upstream, List<Probe>> byUpstream = new LinkedHashMap<>();
            for (Future<Probe> future : probes) {
                byUpstream.computeIfAbsent(future.result().upstream(), k -> new ArrayList<>()).add(future.result());
            }
            int down = 0;
            for (Map.Entry<Upstream, List<Probe>> entry : byUpstream.entrySet()) {
                String name = entry.getKey().name();
                List<Probe> instances = entry.getValue();
                long up = instances.stream().filter(Probe::up).count();
                // an upstream is UP while any of its instances is: the proxy balances over those
                builder.withData(name, up > 0 ? "UP" : "DOWN");
                builder.withData(name + ".url", join(instances, p -> p.instance().url()));
                builder.withData(name + ".circuit", join(instances, p -> p.instance().circuit().state().name()));
                if (instances.size() > 1) {
                    builder.withData(name + ".instances-up", up + "/" + instances.size());
                }
                if (up == 0) {
                    down++;
                }
                if (up < instances.size()) {
                    builder.withData(name + ".error", join(instances.stream().filter(p -> !p.up()).toList(),
                            p -> (instances.size() > 1 ? p.instance().url() + ": " : "") + p.error()));
                }
            }
            builder.withData("down", down);
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private static String join(List<Probe> probes, java.util.function.Function<Probe, String> part) {
        return String.join(", ", probes.stream().map(part).toList());
    }

    private Future<Probe> probe(Upstream upstream, Upstream.Instance instance) {
        String path = config.upstreams().get(upstream.name()).healthPath();
        long timeout = config.health().timeout().toMillis();
        return upstream.client()
                .request(upstream.request(instance, HttpMethod.GET, path.startsWith("/") ? path : "/" + path)
                        .setConnectTimeout(Math.min(timeout, upstream.connectTimeout().toMillis()))
                        .setIdleTimeout(timeout)
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .map(status -> status >= 200 && status < 300 ? new Probe(upstream, instance, true, null)
                        : new Probe(upstream, instance, false, "readiness answered HTTP " + status))
                .otherwise(error -> new Probe(upstream, instance, false, describe(error)));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
