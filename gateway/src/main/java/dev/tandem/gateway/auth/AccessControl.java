package dev.tandem.gateway.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tandem.gateway.apikey.ApiKeySecrets;
import dev.tandem.gateway.apikey.ApiKeys;
import dev.tandem.gateway.config.GatewayConfig;
import dev.tandem.gateway.ratelimit.TokenBucket;
import dev.tandem.gateway.routing.RouteTable;
import dev.tandem.gateway.web.Caller;
import dev.tandem.gateway.web.Exchange;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.gateway.web.RouteOrder;
import dev.tandem.platform.security.InternalTokens;
import dev.tandem.platform.security.Scopes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Authentication ({@link RouteOrder#AUTHENTICATION}) and authorization
 * ({@link RouteOrder#AUTHORIZATION}) of every gateway API request.
 *
 * <ul>
 * <li>Credentials: {@code Authorization: Bearer <key or JWT>} or {@code X-API-Key: <key>}. A value starting with
 * {@code tnd_} is an API key, anything else a JWT (when JWTs are configured). None, or a bad one → 401 problem with
 * {@code WWW-Authenticate: Bearer realm="tandem"} (plus {@code error="invalid_token"} for a bad one).</li>
 * <li>Scopes ({@link ScopePolicy}): missing → 403 problem naming the scope needed.</li>
 * <li>The upstream gets a fresh internal token ({@link InternalTokens#HEADER}) and never the caller's credentials:
 * the proxy drops {@code Authorization}, {@code X-API-Key} and any client-sent internal token.</li>
 * </ul>
 * CORS preflights ({@code OPTIONS} with {@code Access-Control-Request-Method}) pass without credentials.
 */
@ApplicationScoped
public class AccessControl {

    public static final String API_KEY_HEADER = "X-API-Key";
    static final String CHALLENGE = "Bearer realm=\"tandem\"";

    private final RouteTable routes;
    private final GatewayProblems problems;
    private final ApiKeys apiKeys;
    private final JwtAuthenticator jwt;
    private final InternalTokenSigner signer;
    private final GatewayConfig config;
    private final Vertx vertx;
    private final Ticker ticker;
    /** Failed authentications per client address (bounded: idle addresses are dropped). */
    private final Cache<String, TokenBucket> failures;

    public AccessControl(RouteTable routes, GatewayProblems problems, ApiKeys apiKeys, JwtAuthenticator jwt,
            InternalTokenSigner signer, GatewayConfig config, Vertx vertx, Ticker ticker) {
        this.routes = routes;
        this.problems = problems;
        this.apiKeys = apiKeys;
        this.jwt = jwt;
        this.signer = signer;
        this.config = config;
        this.vertx = vertx;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2))
                .ticker(ticker).build();
    }

    void init(@Observes Router router) {
        for (String pattern : routes.proxiedPatterns()) {
            router.route(pattern).order(RouteOrder.AUTHENTICATION).handler(this::authenticate);
            router.route(pattern).order(RouteOrder.AUTHORIZATION).handler(this::authorize);
        }
    }

    private void authenticate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (isCorsPreflight(request)) {
            ctx.next();
            return;
        }
        String credential = credential(request);
        if (credential == null) {
            if (overFailureBudget(ctx)) {
                return;
            }
            unauthenticated(ctx, null, "Send an API key (Authorization: Bearer tnd_live_… or X-API-Key) or a bearer "
                    + "token");
            return;
        }
        if (ApiKeySecrets.looksLikeKey(credential)) {
            Optional<ApiKeys.Check> cached = apiKeys.checkCached(credential);
            if (cached.isPresent()) {
                onKeyChecked(ctx, cached.get());
                return;
            }
            if (overFailureBudget(ctx)) {
                return; // this address keeps failing: no database look-up for yet another unknown key
            }
            vertx.<ApiKeys.Check>executeBlocking(() -> apiKeys.check(credential), false).onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                } else {
                    onKeyChecked(ctx, ar.result());
                }
            });
            return;
        }
        if (!jwt.enabled()) {
            unauthenticated(ctx, "invalid_token", "Not an API key, and this gateway accepts no bearer JWTs");
            return;
        }
        if (overFailureBudget(ctx)) {
            return;
        }
        vertx.<Caller>executeBlocking(() -> jwt.authenticate(credential), false).onComplete(ar -> {
            if (ar.succeeded()) {
                authenticated(ctx, ar.result());
            } else if (ar.cause() instanceof JwtAuthenticator.Rejected rejected) {
                unauthenticated(ctx, "invalid_token", rejected.getMessage());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private void onKeyChecked(RoutingContext ctx, ApiKeys.Check check) {
        if (check instanceof ApiKeys.Check.Accepted accepted) {
            authenticated(ctx, accepted.caller());
        } else {
            unauthenticated(ctx, "invalid_token", ((ApiKeys.Check.Refused) check).reason());
        }
    }

    private void authenticated(RoutingContext ctx, Caller caller) {
        ctx.put(Caller.KEY, caller);
        ctx.put(Exchange.CLIENT_KEY, caller.logName());
        ctx.next();
    }

    /**
     * Whether the client's address has used up its failed-authentication budget; if so, answers 429. Only failures
     * take from the budget ({@link #unauthenticated}); a request with a cached, valid key never gets here.
     */
    private boolean overFailureBudget(RoutingContext ctx) {
        int limit = config.rateLimit().failedAuthPerMinute();
        if (limit <= 0 || !config.rateLimit().enabled()) {
            return false;
        }
        TokenBucket bucket = failures.getIfPresent(address(ctx));
        if (bucket == null || bucket.hasToken(ticker.read())) {
            return false;
        }
        problems.send(ctx, 429, "too-many-requests", "Too many requests", "Too many failed authentications from "
                + "this address (" + limit + " a minute); retry in a minute",
                response -> response.putHeader("Retry-After", "60"));
        return true;
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().hostAddress();
    }

    private void unauthenticated(RoutingContext ctx, String error, String detail) {
        int limit = config.rateLimit().failedAuthPerMinute();
        if (limit > 0 && config.rateLimit().enabled()) {
            long now = ticker.read();
            failures.get(address(ctx), k -> new TokenBucket(limit, now)).tryTake(now);
        }
        String challenge = error == null ? CHALLENGE : CHALLENGE + ", error=\"" + error + "\"";
        problems.send(ctx, 401, "unauthorized", "Unauthorized", detail,
                response -> response.putHeader("WWW-Authenticate", challenge));
    }

    private void authorize(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == null) { // a CORS preflight
            ctx.next();
            return;
        }
        Exchange exchange = Exchange.of(ctx);
        String upstreamScope = exchange.route() == null ? null
                : config.upstreams().get(exchange.upstream()).scope().orElse(exchange.upstream());
        Optional<String> required = ScopePolicy.required(exchange.path(), ctx.request().method().name(),
                exchange.route(), upstreamScope);
        if (required.isPresent() && !Scopes.allows(caller.scopes(), required.get())) {
            problems.send(ctx, 403, "forbidden", "Forbidden", "This operation needs scope " + required.get()
                    + " (or admin); the caller has " + caller.scopes().stream().sorted().toList());
            return;
        }
        if (exchange.route() != null) {
            exchange.upstreamHeaders().set(InternalTokens.HEADER, signer.sign(caller));
        }
        ctx.next();
    }

    /**
     * Whether a credential that was accepted earlier is still accepted now (a long-lived event stream re-checks it):
     * an API key from the cache, else from the database; a JWT is verified again (its expiry included).
     */
    public io.vertx.core.Future<Boolean> stillValid(String credential) {
        if (credential == null) {
            return io.vertx.core.Future.succeededFuture(false);
        }
        if (ApiKeySecrets.looksLikeKey(credential)) {
            Optional<ApiKeys.Check> cached = apiKeys.checkCached(credential);
            if (cached.isPresent()) {
                return io.vertx.core.Future.succeededFuture(cached.get() instanceof ApiKeys.Check.Accepted);
            }
            return vertx.executeBlocking(() -> apiKeys.check(credential) instanceof ApiKeys.Check.Accepted, false);
        }
        if (!jwt.enabled()) {
            return io.vertx.core.Future.succeededFuture(false);
        }
        return vertx.executeBlocking(() -> {
            try {
                jwt.authenticate(credential);
                return true;
            } catch (JwtAuthenticator.Rejected rejected) {
                return false;
            }
        }, false);
    }

    /** The presented credential: X-API-Key, else the Bearer token of Authorization; null when neither is there. */
    public static String credential(HttpServerRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            String token = value.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static boolean isCorsPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }
}
