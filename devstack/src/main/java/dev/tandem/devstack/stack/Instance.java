package dev.tandem.devstack.stack;

import java.util.Objects;

/**
 * One running copy of a {@link Service}: the first ({@code index} 0) has the service's own name, port and pid file;
 * with {@code --replicas 2} a second copy ({@code index} 1) runs next to it, e.g. {@code product-service-2}.
 */
public record Instance(Service service, int index) {

    public Instance {
        Objects.requireNonNull(service, "service");
        if (index < 0) {
            throw new IllegalArgumentException("an instance index is not negative");
        }
    }

    /** The first (often only) instance of {@code service}. */
    public static Instance first(Service service) {
        return new Instance(service, 0);
    }

    /** {@code product-service}, {@code product-service-2}: for messages and pid files. */
    public String name() {
        return index == 0 ? service.module() : service.module() + "-" + (index + 1);
    }

    /** The log prefix: {@code product}, {@code product-2}. */
    public String label() {
        return index == 0 ? service.label() : service.label() + "-" + (index + 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
