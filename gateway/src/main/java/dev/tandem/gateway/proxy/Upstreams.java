package dev.tandem.gateway.proxy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.routing.Route;
import dev.tandem.gateway.routing.RouteTable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The configured upstreams (each with its own pooled HTTP client and circuit) and the route table. */
@ApplicationScoped
public class Upstreams {

    private final Map<String, Upstream> byName = new TreeMap<>();
    private final RouteTable routes;

    public Upstreams(GatewayConfig config, RouteTable routes, Vertx vertx) {
        config.upstreams().forEach((name, upstream) -> {
            HttpClientOptions options = new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                    // the upstream is asked for exactly what the client asked; no transparent decompression
                    .setDecompressionSupported(false)
                    .setName("tandem-gateway-" + name);
            PoolOptions pool = new PoolOptions().setHttp1MaxSize(upstream.maxConnections());
            byName.put(name, new Upstream(name, upstream.url(), upstream.timeout(), upstream.connectTimeout(),
                    () -> vertx.createHttpClient(options, pool),
                    circuits(vertx, name, config)));
        });
        this.routes = routes;
    }

    private static java.util.function.Supplier<CircuitBreaker> circuits(Vertx vertx, String upstream, GatewayConfig config) {
        java.util.concurrent.atomic.AtomicInteger instance = new java.util.concurrent.atomic.AtomicInteger();
        return () -> new CircuitBreaker(vertx, "tandem-upstream-" + upstream + "-" + instance.incrementAndGet(),
                config.circuit().failureThreshold(), config.circuit().openFor());
    }

    public Optional<Upstream> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All upstreams, ordered by name. */
    public Collection<Upstream> all() {
        return byName.values();
    }

    public RouteTable routes() {
        return routes;
    }

    @PreDestroy
    void close() {
        byName.values().forEach(Upstream::close);
    }
}
