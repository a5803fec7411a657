package dev.tandem.platform.outbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who produces this service's events: the CloudEvents {@code source} attribute. */
@ApplicationScoped
public class EventSource {

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** Overrides the default {@code /tandem/<quarkus.application.name>}. */
    @ConfigProperty(name = "tandem.events.source")
    Optional<String> configuredSource;

    public String serviceName() {
        return serviceName;
    }

    /** A URI-reference, e.g. {@code /tandem/product-service}. */
    public String source() {
        return configuredSource.orElse("/tandem/" + serviceName);
    }
}
