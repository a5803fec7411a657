package dev.tandem.devstack.stack;

import java.nio.file.Path;

/** The four Tandem processes the stack runs, with their fixed defaults. */
public enum Service {

    PRODUCT("product-service", "product", "product", 8081, "TANDEM_PRODUCT_PORT"),
    PROJECT("project-service", "project", "project", 8082, "TANDEM_PROJECT_PORT"),
    FEEDBACK("feedback-service", "feedback", "feedback", 8083, "TANDEM_FEEDBACK_PORT"),
    GATEWAY("gateway", "gateway", "gateway", 8080, "TANDEM_GATEWAY_PORT");

    private final String module;
    private final String label;
    private final String database;
    private final int defaultPort;
    private final String portEnvVar;

    Service(String module, String label, String database, int defaultPort, String portEnvVar) {
        this.module = module;
        this.label = label;
        this.database = database;
        this.defaultPort = defaultPort;
        this.portEnvVar = portEnvVar;
    }

    /** The Maven module (directory) of the service, also its display name, e.g. {@code product-service}. */
    public String module() {
        return module;
    }

    /** The short name used as log prefix, e.g. {@code product}. */
    public String label() {
        return label;
    }

    /** The PostgreSQL database this service owns. */
    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable that overrides the port in the one-command run, e.g. {@code TANDEM_PRODUCT_PORT}. */
    public String portEnvVar() {
        return portEnvVar;
    }

    /** {@code <repoRoot>/<module>/target/quarkus-app/quarkus-run.jar}. */
    public Path runnableJar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    @Override
    public String toString() {
        return module;
    }
}
