package dev.tandem.platform.security;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.Problems;
import dev.tandem.platform.time.Now;
import dev.tandem.platform.web.RequestContext;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Enforcement in a service: every request needs a valid internal token from the gateway ({@link InternalTokens#HEADER})
 * whose scopes allow the operation ({@link Scopes}: {@code <scope-prefix>:read} for GET/HEAD, {@code :write}
 * otherwise; {@code :write} includes {@code :read}, {@code admin} everything). No or a bad token → 401 problem with {@code WWW-Authenticate}; a good token
 * without the scope → 403 problem. Health, the OpenAPI document and metrics stay open ({@code open-paths}).
 *
 * <p>Off unless {@code tandem.security.enabled=true}; when on, {@code tandem.security.public-key} (the gateway's
 * base64 X.509 Ed25519 public key) and {@code tandem.security.scope-prefix} (e.g. {@code products}) are required and
 * the service does not start without them. Verified tokens are cached ({@link VerifiedTokens}, bounded by
 * {@code tandem.security.verified-token-cache-size}, expiry-aware). The verified token is put on the routing context under
 * {@link #CALLER_KEY} for code that wants to know who called, and its {@link Actor} is bound to the request for
 * {@link Actors#current()} (the outbox, the record history and the entities' createdBy/updatedBy).
 */
@ApplicationScoped
public class InternalTokenFilter {

    /** Right after the platform's HTTP conventions (-1000, request id), before Quarkus reads any body. */
    static final int ORDER = -900;
    public static final String CALLER_KEY = "dev.tandem.platform.security.caller";
    static final String CHALLENGE = "TandemInternal realm=\"tandem\", header=\"" + InternalTokens.HEADER + "\"";

    private static final Logger LOG = Logger.getLogger(InternalTokenFilter.class);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    RequestContext requestContext;

    @ConfigProperty(name = "tandem.security.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "tandem.security.public-key")
    Optional<String> publicKeyConfig;

    @ConfigProperty(name = "tandem.security.scope-prefix")
    Optional<String> scopePrefixConfig;

    @ConfigProperty(name = "tandem.security.open-paths", defaultValue = "/q/health,/q/openapi,/q/metrics")
    List<String> openPaths;

    /** How many distinct verified tokens are kept (the gateway reuses one per caller and scope set). */
    @ConfigProperty(name = "tandem.security.verified-token-cache-size", defaultValue = "10000")
    long verifiedTokenCacheSize;

    /** The wall clock: the gateway signed the token by its own, so a test that moves the service's day keeps it. */
    private final Clock clock = Now.wall();
    private VerifiedTokens verifiedTokens;
    private String scopePrefix;

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        PublicKey publicKey = SecurityKeys.publicKey(publicKeyConfig.orElseThrow(() -> new IllegalStateException(
                "tandem.security.enabled=true needs tandem.security.public-key (the gateway's base64 X.509 Ed25519 key)")));
        verifiedTokens = new VerifiedTokens(publicKey, clock, verifiedTokenCacheSize);
        scopePrefix = scopePrefixConfig.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "tandem.security.enabled=true needs tandem.security.scope-prefix (e.g. products)"));
        LOG.infof("Internal token required on every request except %s; scopes %s", openPaths,
                Scopes.required(scopePrefix, true) + "/" + Scopes.required(scopePrefix, false));
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (isOpen(path)) {
            ctx.next();
            return;
        }
        InternalToken token;
        try {
            token = verifiedTokens.verify(ctx.request().getHeader(InternalTokens.HEADER));
        } catch (InvalidTokenException e) {
            ctx.response().putHeader("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
            refuse(ctx, Problems.of(401, "unauthorized", "Unauthorized",
                    e.getMessage() + "; requests reach this service through the gateway", List.of()));
            return;
        }
        boolean read = Scopes.isRead(ctx.request().method().name());
        String required = Scopes.required(scopePrefix, read);
        if (!Scopes.allows(token.scopes(), required)) {
            refuse(ctx, Problems.of(403, "forbidden", "Forbidden",
                    "This operation needs scope " + required + " (or admin); the caller has " + token.scopes(),
                    List.of()));
            return;
        }
        ctx.put(CALLER_KEY, token);
        Actors.bind(Actor.of(token));
        ctx.next();
    }

    private boolean isOpen(String path) {
        for (String open : openPaths) {
            String prefix = open.strip();
            if (!prefix.isEmpty() && path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
                            || path.charAt(prefix.length()) == '?')) {
                return true;
            }
        }
        return false;
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = objectMapper.writeValueAsString(problem.withRequest(ctx.request().path(), requestContext.requestId()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        HttpServerResponse response = ctx.response();
        response.setStatusCode(problem.status());
        response.headers().set("Content-Type", Problem.MEDIA_TYPE).set("Cache-Control", "no-store");
        response.end(body);
    }
}
