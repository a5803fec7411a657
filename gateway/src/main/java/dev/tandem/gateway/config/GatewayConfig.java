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
 * tandem.gateway.routes[16].prefix=/api/v1/products/{id}/overview   # one operation with its own timeout
 * tandem.gateway.routes[16].upstream=product
 * tandem.gateway.routes[16].timeout=3s
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

    ApiKeysConfig apiKeys();

    JwtConfig jwt();

    InternalTokenConfig internalToken();

    RateLimitConfig rateLimit();

    EventsConfig events();

    DeadLettersConfig deadLetters();
    WebhooksConfig webhooks();

    /**
     * On start with an empty key store, create an admin API key and print it with a ready curl line. Set only by the
     * devstack ({@code ./run}); never in production, where the first key is created deliberately.
     */
    @WithDefault("false")
    boolean bootstrapAdminKey();

    /** Where the bootstrap admin key is also written (owner-readable only), for tools such as the system tests. */
    Optional<String> bootstrapAdminKeyFile();

    /**
     * How long a client may take to send its whole request (headers to the last byte of the body), counted from its
     * arrival; past it, a 408 problem and the connection is closed. A slow client is the client's problem: the
     * upstream's {@code timeout} starts only once the upstream has the whole request, and a slow upload never
     * counts against the upstream's circuit. A route's own {@code request-receive-timeout} replaces it.
     */
    @WithDefault("30s")
    Duration requestReceiveTimeout();

    interface UpstreamConfig {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. A path in it is put in front of the forwarded path. */
        String url();

        /**
         * Time from the moment the upstream has the whole request (its body sent completely) until the upstream's
         * response headers arrive; then a 504 problem. A route's own {@code timeout} replaces it for that route.
         */
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

        /** Maximum pooled HTTP/1.1 connections to each instance of this upstream, per event loop of the gateway. */
        @WithDefault("64")
        int maxConnections();

        /**
         * The scope prefix of this upstream's routes: {@code <scope>:read} for GET/HEAD, {@code <scope>:write}
         * otherwise (e.g. {@code products}); the upstream's name when not set.
         */
        Optional<String> scope();
    }

    interface RouteConfig {
        /**
         * Path prefix, e.g. {@code /api/v1/products}; no trailing slash. A segment {@code {name}} matches any one
         * segment ({@code /api/v1/products/{id}/overview}).
         */
        String prefix();

        /** Name of an entry in {@code upstreams}. */
        String upstream();

        /**
         * How long requests on this route may take until the upstream's response headers arrive (then a 504 problem;
         * also the idle limit while the body streams); the upstream's {@code timeout} when not set. For the gateway's
         * composed views (the overview) the time the whole answer may take.
         */
        Optional<Duration> timeout();

        /**
         * How long a client may take to send a request on this route, body included (then a 408 problem); the
         * gateway's {@code request-receive-timeout} when not set. For routes that take large uploads (bulk imports).
         */
        Optional<Duration> requestReceiveTimeout();
    }

    /** The simple per-upstream circuit breaker: consecutive failures open it, one trial request closes it again. */
    interface CircuitConfig {
        /**
         * Consecutive failures of the upstream (refused/reset connections, timeouts once it had the whole request)
         * that open the circuit; 0 disables it. What clients do (sending slowly, going away) never counts.
         */
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

        /** {@code info.contact}: whom integrators ask about the API (name, and an email and/or URL if set). */
        @WithDefault("Tandem API team")
        String contactName();

        Optional<String> contactEmail();

        Optional<String> contactUrl();
    }

    interface ApiKeysConfig {
        /**
         * How long a key looked up in the database is trusted without asking again. A key revoked on this instance is
         * dropped at once; on other instances it stops working within this time.
         */
        @WithDefault("10s")
        Duration cacheTtl();

        /** How often the last use of keys is written to the database (in one batch, not on every request). */
        @WithDefault("10s")
        Duration lastUsedFlushInterval();
    }

    /** Bearer JWTs of people, from an OIDC issuer. Off unless {@code issuer} and a key source are configured. */
    interface JwtConfig {
        /** Expected {@code iss}. */
        Optional<String> issuer();

        /** Where the issuer publishes its keys (JWKS); fetched on demand and cached. */
        Optional<String> jwksUrl();

        /** Or a fixed public key: base64 X.509 (RSA, EC or Ed25519), PEM armour allowed. */
        Optional<String> publicKey();

        /** Expected {@code aud}: required when JWTs are accepted (the gateway refuses to start without it). */
        Optional<String> audience();

        /**
         * The claim holding the scopes: a space-separated string ({@code scope}) or an array ({@code roles},
         * {@code realm_access.roles}; dots walk into nested objects).
         */
        @WithDefault("scope")
        String scopeClaim();

        /** The claim naming the client application, for logs and the internal token. */
        @WithDefault("azp")
        String clientClaim();

        @WithDefault("30s")
        Duration clockSkew();
    }

    interface InternalTokenConfig {
        /**
         * The gateway's Ed25519 private key (base64 PKCS#8) that signs the internal token; services get only the
         * public key. When absent the gateway makes a key pair for this process and logs its public key (development
         * only: services cannot verify tokens of a key they were not given).
         */
        Optional<String> privateKey();

        /**
         * Lifetime of a token. The gateway reuses a caller's token while more than half of this is left, so a
         * service verifies each caller's token about once per half lifetime; short enough that a leaked one is
         * soon useless.
         */
        @WithDefault("5m")
        Duration ttl();

        /** How many callers' current tokens the gateway keeps (least recently used evicted). */
        @WithDefault("10000")
        long cacheSize();
    }

    interface RateLimitConfig {
        @WithDefault("true")
        boolean enabled();

        /** Requests per minute of a client whose key sets no limit (and of people with a JWT). */
        @WithDefault("600")
        int defaultPerMinute();

        /**
         * Failed authentications (no credential, an unknown, revoked or expired key, a bad token) per minute and
         * client address; past it, 429, and a key not in the cache is not even looked up. 0 turns it off.
         */
        @WithDefault("120")
        int failedAuthPerMinute();
    }

    /** {@code GET /api/v1/events}: the domain events as Server-Sent Events. */
    interface EventsConfig {
        /** Scope prefix → the topic its {@code :read} scope may stream, e.g. {@code products=tandem.product.events}. */
        Map<String, String> topics();

        /** A comment line this often keeps idle connections (and proxies between) open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Open streams per gateway instance (each holds a Kafka consumer and a thread); more get a 503. */
        @WithDefault("50")
        int maxStreams();

        /** Open streams of one caller (API key or person) per gateway instance; more get a 429. */
        @WithDefault("5")
        int maxStreamsPerCaller();

        /**
         * Frames handed to a stream's connection and not yet written out; beyond this the stream stops reading
         * Kafka until the client catches up (back-pressure: a client that stops reading costs no memory).
         */
        @WithDefault("256")
        int maxPendingFrames();

        /** A client that has not taken its frames for this long is disconnected (it resumes with Last-Event-ID). */
        @WithDefault("60s")
        Duration stalledAfter();
    }

    /** {@code /api/v1/admin/dead-letters}: the dead-letter topics, read from the broker. */
    interface DeadLettersConfig {
        /**
         * How long one admin request waits for the Kafka broker (topics, offsets, records, a redrive's
         * acknowledgement); past it the answer is a 503 problem with {@code Retry-After}.
         */
        @WithDefault("5s")
        Duration brokerTimeout();
    }

    interface HealthConfig {
        /** Time allowed for each upstream readiness probe. */
        @WithDefault("2s")
        Duration timeout();
    }

    /** Webhooks: signed HTTP callbacks of the domain events (docs/gateway.md#webhooks). */
    interface WebhooksConfig {
        /** Whether this instance consumes the topics and delivers; the API works either way. */
        @WithDefault("true")
        boolean enabled();

        /** The topics whose events subscriptions may receive. */
        @WithDefault("tandem.product.events,tandem.project.events,tandem.feedback.events,tandem.gateway.events")
        List<String> topics();

        /**
         * The Kafka consumer group of the fan-out: one per gateway cluster, so that several instances share the
         * partitions (and each event is queued once).
         */
        @WithDefault("tandem-gateway-webhooks")
        String consumerGroup();

        /** Whether {@code http://} URLs are accepted (HTTPS is required otherwise). Development and tests only. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Whether targets may resolve to private, loopback, link-local, multicast or unspecified addresses. Off: such
         * a target is refused when it is set and on every delivery.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /**
         * Host names or IP literals (as written in the URL) that may resolve to such addresses anyway, e.g. an
         * internal receiver ({@code hooks.corp.internal}) or {@code 127.0.0.1} in development.
         */
        Optional<List<String>> allowedHosts();

        /**
         * AES-256 key (base64 of 32 bytes) that encrypts signing secrets at rest (AES-GCM). Without it secrets are
         * stored as they are (a warning is logged at start).
         */
        Optional<String> secretEncryptionKey();

        /** How long the previous secret still signs (a second signature) after a rotation. */
        @WithDefault("24h")
        Duration secretRotationOverlap();

        /** The whole of one attempt: connect, send, response headers and the (limited) body. */
        @WithDefault("10s")
        Duration requestTimeout();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The most of a response body that is read (the rest is not); kept for the delivery log. */
        @WithDefault("4096")
        int maxResponseBytes();

        /** Deliveries sent at the same time by one instance. */
        @WithDefault("32")
        int maxInFlight();

        /** How often due deliveries are looked for besides right after events were queued or an attempt ended. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Delivered and given-up deliveries (with their attempts) are deleted this long after their last attempt;
         * pending ones never.
         */
        @WithDefault("720h")
        Duration deliveryRetention();

        /** The most events one replay queues. */
        @WithDefault("10000")
        int replayMaxEvents();

        RetryConfig retry();

        DisableConfig disable();

        /** Exponential back-off with jitter between attempts of one delivery. */
        interface RetryConfig {
            /** The wait after the first failed attempt; it doubles after each further one. */
            @WithDefault("5s")
            Duration initialBackoff();

            /** The longest wait between two attempts. */
            @WithDefault("1h")
            Duration maxBackoff();

            /** Each wait is randomly up to this fraction shorter or longer (0 to 1). */
            @WithDefault("0.2")
            double jitter();

            /** A delivery still failing this long after it was queued is given up (state FAILED). */
            @WithDefault("24h")
            Duration giveUpAfter();
        }

        /** When the gateway sets a subscription DISABLED (and publishes dev.tandem.webhook.disabled.v1). */
        interface DisableConfig {
            /** Every attempt has failed for this long (no success in between). */
            @WithDefault("120h")
            Duration afterFailingFor();

            /** This many events in a row were given up after all their retries; 0 turns this rule off. */
            @WithDefault("10")
            int afterGivenUp();
        }
    }
}
