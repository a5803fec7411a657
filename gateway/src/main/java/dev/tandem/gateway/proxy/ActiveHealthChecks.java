package dev.tandem.gateway.proxy;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Active health checks: every {@code tandem.upstream-health.interval} (5 s; 0 turns them off) each instance of each
 * upstream is asked for its readiness ({@code tandem.upstream-health.path}, {@code /q/health/ready}, answered within
 * {@code tandem.upstream-health.timeout}, 2 s). An instance that is not ready — starting, draining, its database
 * away — is marked so and {@link Upstream#choose} sends requests to the ready ones while there are any, without
 * waiting for requests to fail first; it gets requests again as soon as a check finds it ready. With every instance
 * not ready, requests still go to them (the circuit decides), so one failing check never makes a whole upstream
 * unreachable. Transitions are logged.
 *
 * <p>The checks have an HTTP client of their own, untraced: they are the gateway's housekeeping, not anyone's
 * request, and a trace per instance every few seconds would bury the traces of the requests.
 */
@ApplicationScoped
public class ActiveHealthChecks {

    private static final Logger LOG = Logger.getLogger(ActiveHealthChecks.class);

    private final Upstreams upstreams;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration timeout;
    private final String path;
    private final HttpClient client;
    private long timerId = -1;

    public ActiveHealthChecks(Upstreams upstreams, Vertx vertx,
            @ConfigProperty(name = "tandem.upstream-health.interval", defaultValue = "5s") Duration interval,
            @ConfigProperty(name = "tandem.upstream-health.timeout", defaultValue = "2s") Duration timeout,
            @ConfigProperty(name = "tandem.upstream-health.path", defaultValue = "/q/health/ready") String path) {
        this.upstreams = upstreams;
        this.vertx = vertx;
        this.interval = interval;
        this.timeout = timeout;
        this.path = path;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setName("tandem-gateway-health-checks"));
    }

    void start(@Observes StartupEvent started) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        timerId = vertx.setPeriodic(interval.toMillis(), id -> checkAll());
    }

    /** Checks every instance once (also called by tests). */
    public void checkAll() {
        for (Upstream upstream : upstreams.all()) {
            for (Upstream.Instance instance : upstream.instances()) {
                check(upstream, instance);
            }
        }
    }

    private void check(Upstream upstream, Upstream.Instance instance) {
        client.request(upstream.request(instance, HttpMethod.GET, path)
                        .setTimeout(timeout.toMillis()).putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .onComplete(ar -> {
                    boolean ready = ar.succeeded() && ar.result().statusCode() == 200;
                    String why = ar.succeeded() ? "HTTP " + ar.result().statusCode() : String.valueOf(ar.cause());
                    if (ar.succeeded()) {
                        ar.result().body(); // drain, so the connection goes back to the pool
                    }
                    if (instance.markReady(ready)) {
                        if (ready) {
                            LOG.infof("upstream %s instance %s is ready again: it gets requests", upstream.name(),
                                    instance.url());
                        } else {
                            LOG.warnf("upstream %s instance %s is not ready (%s): requests go to the others while "
                                    + "any is ready", upstream.name(), instance.url(), why);
                        }
                    }
                });
    }

    @PreDestroy
    void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        client.close();
    }
}
