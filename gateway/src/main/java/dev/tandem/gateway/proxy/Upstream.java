package dev.tandem.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;

/**
 * One upstream service as the proxy sees it: its instances (one or more base URLs, each with its own circuit), its
 * time limits and its pooled HTTP client (one pool per instance address).
 *
 * <p>{@link #choose} balances round-robin over the instances that the last active health check found ready
 * ({@link ActiveHealthChecks}) and whose circuit lets a request through, so an instance that is starting or draining
 * gets no requests, and a failed one is skipped as soon as its circuit opens and tried again (one trial request)
 * once its open period is over.
 */
public final class Upstream {

    /** One instance of the upstream: where it is, and its own circuit. */
    public static final class Instance {
        private final String url;
        private final boolean ssl;
        private final String host;
        private final int port;
        private final String basePath;
        private final CircuitBreaker circuit;
        /** What the last active health check found ({@link ActiveHealthChecks}); ready until one finds otherwise. */
        private volatile boolean ready = true;

        Instance(String upstream, String url, CircuitBreaker circuit) {
            this.url = url;
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("upstream '" + upstream + "' needs http(s) URLs with a host, got: "
                        + url);
            }
            this.ssl = scheme.equals("https");
            this.host = uri.getHost();
            this.port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            this.basePath = path;
            this.circuit = circuit;
        }

        public String url() {
            return url;
        }

        public CircuitBreaker circuit() {
            return circuit;
        }

        /** Whether the last active health check found it ready. */
        public boolean ready() {
            return ready;
        }

        /** Records a health check's finding; answers whether it changed. */
        boolean markReady(boolean nowReady) {
            boolean was = ready;
            ready = nowReady;
            return was != nowReady;
        }
    }

    /** The instance picked for a request and its circuit's permit (not allowed when every circuit is open). */
    public record Choice(Instance instance, CircuitBreaker.Permit permit) {
    }

    private final String name;
    private final String url;
    private final List<Instance> instances;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Supplier<HttpClient> clients;
    /** One client per event loop: see {@link #client()}. */
    private final Map<Object, HttpClient> byEventLoop = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param url one base URL, or several separated by commas (the instances of the service)
     */
    Upstream(String name, String url, Duration timeout, Duration connectTimeout, Supplier<HttpClient> clients,
             Supplier<CircuitBreaker> circuits) {
        this.name = name;
        this.url = url;
        List<Instance> list = new ArrayList<>();
        for (String one : url.split(",")) {
            if (!one.isBlank()) {
                list.add(new Instance(name, one.strip(), circuits.get()));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("upstream '" + name + "' has no URL");
        }
        this.instances = List.copyOf(list);
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.clients = clients;
    }

    /**
     * The next instance, round-robin, whose circuit lets the request through, preferring any instance other than
     * {@code avoid} (the one that just failed, for a retry); {@code avoid} itself only when it is the only one
     * left. When every circuit is open, a choice whose permit is not allowed (with the shortest wait).
     */
    public Choice choose(Instance avoid) {
        int n = instances.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        CircuitBreaker.Permit refused = null;
        boolean anyReady = n == 1 || instances.stream().anyMatch(Instance::ready);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                Instance candidate = instances.get((start + i) % n);
                if ((pass == 0) == (candidate == avoid && n > 1)) {
                    continue; // first pass: every instance but avoid; second pass: avoid
                }
                if (anyReady && n > 1 && !candidate.ready() && candidate != avoid) {
                    continue; // not ready by the last health check, while another is
                }
                CircuitBreaker.Permit permit = candidate.circuit().tryAcquire();
                if (permit.allowed()) {
                    return new Choice(candidate, permit);
                }
                if (refused == null || permit.retryAfterMillis() < refused.retryAfterMillis()) {
                    refused = permit;
                }
            }
        }
        return new Choice(instances.get(start), refused);
    }

    /** Request options for {@code pathAndQuery} (which starts with '/') on this instance. */
    public RequestOptions request(Instance instance, HttpMethod method, String pathAndQuery) {
        return new RequestOptions()
                .setMethod(method)
                .setSsl(instance.ssl)
                .setHost(instance.host)
                .setPort(instance.port)
                .setURI(instance.basePath + pathAndQuery)
                .setConnectTimeout(connectTimeout.toMillis())
                // a response body that stalls this long is cut off as well
                .setIdleTimeout(timeout.toMillis());
    }

    public String name() {
        return name;
    }

    /** The configured URL(s), as given. */
    public String url() {
        return url;
    }

    public List<Instance> instances() {
        return instances;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The HTTP client of the calling event loop. A Vert.x client's pool hands any idle connection to any caller, and
     * a connection lives on the event loop that opened it: a request taken on event loop A and sent on a connection
     * of loop B crosses threads twice (the request to B, the answer back to A), each a task queue and a wake-up of
     * the other loop's selector. With a client per event loop, a request's server side and its upstream connection
     * share one thread. Outside an event loop (start-up, a worker): the client of the key {@code null}.
     */
    public HttpClient client() {
        Context context = Vertx.currentContext();
        Object loop = context instanceof ContextInternal internal && context.isEventLoopContext()
                ? internal.nettyEventLoop() : NO_EVENT_LOOP;
        return byEventLoop.computeIfAbsent(loop, l -> clients.get());
    }

    /** Closes every client made for this upstream. */
    void close() {
        byEventLoop.values().forEach(HttpClient::close);
    }

    private static final Object NO_EVENT_LOOP = new Object();
}
