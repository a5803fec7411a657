package dev.tandem.gateway.apikey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.tandem.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Devstack only ({@code tandem.gateway.bootstrap-admin-key=true}): on a start with an empty key store, issues an
 * admin key through the normal code path and prints it with a ready curl line, and writes it to
 * {@code tandem.gateway.bootstrap-admin-key-file} when set. Later starts find keys and do nothing.
 */
@ApplicationScoped
public class BootstrapAdminKey {

    private static final Logger LOG = Logger.getLogger(BootstrapAdminKey.class);
    public static final String NAME = "devstack-admin";

    void onStart(@Observes StartupEvent event, GatewayConfig config, ApiKeys apiKeys,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        if (config.bootstrapAdminKey() && apiKeys.isEmpty()) {
            issueAndAnnounce(apiKeys, config.bootstrapAdminKeyFile().map(Path::of), port);
        }
    }

    /**
     * Issues the admin key and hands it over: written to {@code file} (owner-readable only) when one is configured —
     * then the log says where, never the secret, since logs are collected, shipped and kept —, else printed with a
     * curl line (a developer's terminal). Returns the secret.
     */
    static String issueAndAnnounce(ApiKeys apiKeys, java.util.Optional<Path> file, int port) {
        ApiKeys.Issued issued = apiKeys.issue(NAME, List.of("admin"), null, null, "bootstrap");
        String secret = issued.secret();
        if (file.isPresent() && write(file.get(), secret)) {
            LOG.infof("Admin API key %s (id %s) issued and written to %s (owner-readable only; the secret is not "
                    + "logged). Create keys with narrower scopes for integrations (POST /api/v1/admin/api-keys).",
                    NAME, issued.key().id(), file.get());
            return secret;
        }
        LOG.infof("%n%n  Admin API key (shown once; the gateway keeps only its hash): %s%n"
                + "  Try it:  curl -H 'Authorization: Bearer %s' http://localhost:%d/api/v1/admin/api-keys%n"
                + "  Create keys with narrower scopes for integrations (POST /api/v1/admin/api-keys).%n",
                secret, secret, port);
        return secret;
    }

    private static boolean write(Path file, String secret) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            return true;
        } catch (IOException e) {
            LOG.warnf("could not write the admin key to %s: %s", file, e.getMessage());
            return false;
        }
    }
}
