package dev.tandem.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.tandem.gateway.routing.RouteTable;
import dev.tandem.gateway.web.Exchange;
import dev.tandem.gateway.web.GatewayProblems;
import dev.tandem.gateway.web.RouteOrder;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A filter the way the gateway's own filters plug in (test only; it runs right after authorization): on
 * {@code X-Test-Filter: deny} it answers 401 before routing (even for unknown paths); on {@code X-Test-Filter: enrich} it decides asynchronously and puts
 * an internal token on the upstream request, replacing the client's {@code Authorization}.
 */
@ApplicationScoped
public class SampleFilter {

    private final GatewayProblems problems;
    private final RouteTable routes;
    private final Vertx vertx;

    public SampleFilter(GatewayProblems problems, RouteTable routes, Vertx vertx) {
        this.problems = problems;
        this.routes = routes;
        this.vertx = vertx;
    }

    void init(@Observes Router router) {
        for (String pattern : routes.proxiedPatterns()) {
            router.route(pattern).order(RouteOrder.AUTHORIZATION + 50).handler(ctx -> {
                String mode = ctx.request().getHeader("X-Test-Filter");
                if ("deny".equals(mode)) {
                    problems.send(ctx, 401, "unauthenticated", "Unauthenticated", "test filter said no");
                } else if ("enrich".equals(mode)) {
                    vertx.setTimer(50, id -> { // e.g. an API key lookup
                        Exchange.of(ctx).upstreamHeaders()
                                .set("Authorization", "Internal test-token")
                                .set("X-Tandem-Upstream-Seen", Exchange.of(ctx).upstream());
                        ctx.next();
                    });
                } else {
                    ctx.next();
                }
            });
        }
    }
}
