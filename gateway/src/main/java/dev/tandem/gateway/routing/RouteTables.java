package dev.tandem.gateway.routing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.tandem.gateway.config.GatewayConfig;

/** The route table of the configuration ({@code tandem.gateway.routes}), one for the application. */
public class RouteTables {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        return new RouteTable(config.routes().stream().map(r -> new Route(r.prefix(), r.upstream(),
                r.timeout().orElse(null), r.requestReceiveTimeout().orElse(null))).toList(),
                config.upstreams().keySet());
    }
}
