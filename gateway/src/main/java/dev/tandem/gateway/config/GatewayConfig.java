package dev.tandem.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's routing configuration: upstream services and the route table that maps path prefixes to them.
 *
 * <pre>
 * tandem.gateway.upstreams.product.url=http://127.0.0.1:8081      # env TANDEM_GATEWAY_UPSTREAMS_PRODUCT_URL
 * tandem.gateway.upstreams.product.timeout=10s
 * tandem.gateway.routes[0].prefix=/api/v1/products
 * tandem.gateway.routes[0].upstream=product
 * </pre>
 */
@ConfigMapping(prefix = "tandem.gateway")
public interface GatewayConfig {

    /** Upstream services by name; the name is what routes, problems, logs and health report. */
    Map<String, UpstreamConfig> upstreams();

    /** The route table. The longest matching prefix wins; a prefix matches only at a path-segment boundary. */
    List<RouteConfig> routes();

    CircuitConfig circuit();

    OpenApiConfig openapi();

    HealthConfig health();

    interface UpstreamConfig {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. A path in it is put in front of the forwarded path. */
        String url();

        /** Time from forwarding a request until the upstream's response headers arrive; then a 504 problem. */
        @WithDefault("10s")
        Duration timeout();

        /** Time allowed to open a TCP connection to the upstream. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Where the upstream's own readiness is probed for the gateway's readiness data. */
        @WithDefault("/q/health/ready")
        String healthPath();

        /** Where the upstream serves its OpenAPI document as JSON; merged into {@code GET /openapi}. */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();

        /** Whether this upstream's OpenAPI document is part of the merged one. */
        @WithDefault("true")
        boolean includeInOpenapi();

        /** Maximum pooled HTTP/1.1 connections to this upstream (per gateway instance). */
        @WithDefault("64")
        int maxConnections();
    }

    interface RouteConfig {
        /** Path prefix, e.g. {@code /api/v1/products}; no trailing slash. */
        String prefix();

        /** Name of an entry in {@code upstreams}. */
        String upstream();
    }

    /** The simple per-upstream circuit breaker: consecutive failures open it, one trial request closes it again. */
    interface CircuitConfig {
        /** Consecutive failures (refused/reset connections, timeouts) that open the circuit; 0 disables it. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 before one trial request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface OpenApiConfig {
        /** How long a complete merged document is served from cache. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long a document that misses an upstream is served from cache before it is retried. */
        @WithDefault("5s")
        Duration degradedCacheTtl();

        /** Time allowed for fetching one upstream's document (at most the upstream's own timeout). */
        @WithDefault("5s")
        Duration fetchTimeout();

        /** The gateway URL written to {@code servers}; relative by default, so it works behind any host name. */
        @WithDefault("/")
        String serverUrl();

        @WithDefault("Tandem API")
        String title();

        Optional<String> description();
    }

    interface HealthConfig {
        /** Time allowed for each upstream readiness probe. */
        @WithDefault("2s")
        Duration timeout();
    }
}
