package dev.tandem.platform.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * The methods a path supports, for the {@code Allow} header of a 405.
 *
 * <p>Quarkus REST throws {@code NotAllowedException} without an {@code Allow} header. Its deployment still holds the
 * routing tables (resource classes by path, then methods by HTTP method and path), which are public API of
 * {@code resteasy-reactive} though not of Jakarta REST; the path is matched against them again. Best effort: if the
 * internals change, the 405 simply goes out without {@code Allow}.
 */
final class AllowedMethods {

    private static volatile Deployment cachedFor;
    private static volatile RequestMapper<RestInitialHandler.InitialMatch> classMapper;

    private AllowedMethods() {
    }

    static Set<String> of(ServerRequestContext context) {
        Set<String> allowed = new TreeSet<>();
        try {
            if (!(context instanceof ResteasyReactiveRequestContext request) || request.getDeployment() == null) {
                return allowed;
            }
            RequestMapper<RestInitialHandler.InitialMatch> mapper = classMapper(request.getDeployment());
            String path = request.getPathWithoutPrefix();
            RequestMapper.RequestMatch<RestInitialHandler.InitialMatch> match = mapper.map(path);
            for (int i = 0; match != null && i < 16; i++) {
                String remaining = match.remaining == null || match.remaining.isEmpty() ? "/" : match.remaining;
                for (ServerRestHandler handler : match.value.handlers) {
                    if (handler instanceof ClassRoutingHandler routing) {
                        for (Map.Entry<String, RequestMapper<RuntimeResource>> e : routing.getMappers().entrySet()) {
                            if (e.getKey() != null && e.getValue().map(remaining) != null) {
                                allowed.add(e.getKey());
                            }
                        }
                    }
                }
                match = mapper.continueMatching(path, match);
            }
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
        } catch (RuntimeException | LinkageError e) {
            allowed.clear();
        }
        return allowed;
    }

    private static RequestMapper<RestInitialHandler.InitialMatch> classMapper(Deployment deployment) {
        if (cachedFor != deployment) {
            classMapper = new RequestMapper<>(deployment.getClassMappers());
            cachedFor = deployment;
        }
        return classMapper;
    }
}
