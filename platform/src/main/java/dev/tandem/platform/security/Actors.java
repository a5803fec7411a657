package dev.tandem.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The actor of the work in progress; inject it anywhere (the outbox, the record history and the entities' authorship
 * ask it).
 *
 * <p>Inside an HTTP request it is the caller of the verified internal token: {@link InternalTokenFilter} binds it to
 * the request's Vert.x duplicated context, which Quarkus carries to the worker thread that runs the resource. Like
 * {@code RequestContext} this bean is application scoped on purpose, not request scoped: consumers and scheduled jobs
 * ask it too, where no request scope is active, and get the service's own actor ({@code system:<service name>}).
 * A request without a verified token (enforcement off, which only tests and local experiments do) also acts as the
 * service.
 */
@ApplicationScoped
public class Actors {

    static final String LOCAL_KEY = "dev.tandem.platform.security.Actor";

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private volatile Actor system;

    /** The verified caller of the current request, else the service's own actor. */
    public Actor current() {
        if (VertxContext.isOnDuplicatedContext()) {
            Actor caller = ContextLocals.<Actor>get(LOCAL_KEY).orElse(null);
            if (caller != null) {
                return caller;
            }
        }
        return system();
    }

    /** The service's own actor, {@code system:<quarkus.application.name>}. */
    public Actor system() {
        Actor s = system;
        if (s == null) {
            s = Actor.system(serviceName);
            system = s;
        }
        return s;
    }

    /** The current actor for code that cannot inject (JPA entity callbacks). */
    public static Actor currentActor() {
        try (InstanceHandle<Actors> actors = Arc.container().instance(Actors.class)) {
            return actors.get().current();
        }
    }

    /** Binds the verified caller to the current request's duplicated context; false when not on one. */
    static boolean bind(Actor actor) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return false;
        }
        ContextLocals.put(LOCAL_KEY, actor);
        return true;
    }
}
