package dev.tandem.devstack.testing;

import java.util.HashMap;
import java.util.Map;

import dev.tandem.devstack.infra.EmbeddedKafka;
import dev.tandem.devstack.infra.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one Quarkus test resource every service uses: a fresh real PostgreSQL database and a real Kafka broker,
 * both started in-process for the test run and thrown away after it.
 *
 * <p>Init arg {@code database} names the service's database (default {@code app}). Set {@code TANDEM_TEST_DB_URL}
 * (plus {@code TANDEM_TEST_DB_USER}/{@code TANDEM_TEST_DB_PASSWORD}) or {@code TANDEM_TEST_KAFKA} to run against
 * servers of your own instead; the embedded ones are then not started.
 */
public class EmbeddedInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafka kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            String externalDb = System.getenv("TANDEM_TEST_DB_URL");
            if (externalDb != null && !externalDb.isBlank()) {
                config.put("quarkus.datasource.jdbc.url", externalDb);
                config.put("quarkus.datasource.username", System.getenv().getOrDefault("TANDEM_TEST_DB_USER", "postgres"));
                config.put("quarkus.datasource.password", System.getenv().getOrDefault("TANDEM_TEST_DB_PASSWORD", ""));
            } else {
                postgres = EmbeddedPostgresServer.temporary().start();
                config.put("quarkus.datasource.jdbc.url", postgres.ensureDatabase(database));
                config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
                config.put("quarkus.datasource.password", "");
            }
            String externalKafka = System.getenv("TANDEM_TEST_KAFKA");
            if (externalKafka != null && !externalKafka.isBlank()) {
                config.put("kafka.bootstrap.servers", externalKafka);
            } else {
                kafka = EmbeddedKafka.temporary().start();
                config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            }
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start embedded PostgreSQL/Kafka for the tests: " + e.getMessage(), e);
        }
        // the public half of TestTokens' key pair: harmless while tandem.security.enabled is false, and what a
        // service verifies TestTokens.mint(...) tokens with once it is on
        config.put("tandem.security.public-key", TestTokens.PUBLIC_KEY);
        System.out.printf("[tandem-test] PostgreSQL %s, Kafka %s%n",
                config.get("quarkus.datasource.jdbc.url"), config.get("kafka.bootstrap.servers"));
        return config;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception ignored) {
                // the temp folder is removed on a best-effort basis
            }
            postgres = null;
        }
    }
}
