package dev.tandem.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.routing.RouteTable;
import dev.tandem.gateway.web.Caller;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.gateway.web.RouteOrder;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rate limit per client ({@link RouteOrder#RATE_LIMIT}): a {@link TokenBucket} per caller subject sized by
 * the key's {@code rateLimitPerMinute} (default {@code tandem.gateway.rate-limit.default-per-minute}). Every response
 * to an authenticated caller carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (IETF draft "RateLimit header fields for HTTP"); an empty bucket → 429 problem with {@code Retry-After}.
 *
 * <p>Per gateway instance: with N instances behind a load balancer a client gets up to N times its limit. (A shared
 * store would fix that at the cost of a network call per request; not worth it at this size.)
 */
@ApplicationScoped
public class RateLimitFilter {

    private final RouteTable routes;
    private final GatewayProblems problems;
    private final GatewayConfig config;
    private final Ticker ticker;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(RouteTable routes, GatewayProblems problems, GatewayConfig config, Ticker ticker) {
        this.routes = routes;
        this.problems = problems;
        this.config = config;
        this.ticker = ticker;
    }

    void init(@Observes Router router) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        for (String pattern : routes.proxiedPatterns()) {
            router.route(pattern).order(RouteOrder.RATE_LIMIT).handler(this::limit);
        }
    }

    private void limit(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == null) {
            ctx.next();
            return;
        }
        TokenBucket.Decision decision = take(caller.subject(), caller.rateLimitPerMinute(), ticker.read());
        ctx.addHeadersEndHandler(v -> ctx.response().headers()
                .set("RateLimit-Limit", Integer.toString(decision.limit()))
                .set("RateLimit-Remaining", Integer.toString(decision.remaining()))
                .set("RateLimit-Reset", Long.toString(decision.resetSeconds())));
        if (!decision.allowed()) {
            problems.send(ctx, 429, "too-many-requests", "Too many requests", "Rate limit of " + decision.limit()
                    + " requests per minute exceeded; retry in " + decision.retryAfterSeconds() + " s",
                    response -> response.putHeader("Retry-After", Long.toString(decision.retryAfterSeconds())));
            return;
        }
        ctx.next();
    }

    TokenBucket.Decision take(String client, int limit, long nowNanos) {
        TokenBucket bucket = buckets.compute(client, (k, existing) ->
                existing != null && existing.capacity() == limit ? existing : new TokenBucket(limit, nowNanos));
        return bucket.tryTake(nowNanos);
    }

    /** Forgets full buckets (idle clients), so the map holds only clients active in the last minute or so. */
    @Scheduled(every = "1m", delayed = "1m")
    void evictIdle() {
        long now = ticker.read();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
}
