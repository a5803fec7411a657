package dev.tandem.devstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.tandem.devstack.stack.StackEndpoints;

/**
 * The database reference for creates: {@code pgbench} inserting one row per transaction into a throw-away table of
 * a throw-away database on the stack's own PostgreSQL, with as many connections as the HTTP runs. What a create
 * can at best approach: one durable single-row write, no HTTP, no JSON, no outbox.
 */
final class PgBench {

    static final String DATABASE = "bench_scratch";
    private static final Pattern TPS = Pattern.compile("^tps = ([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final String SCRIPT = """
            INSERT INTO bench_insert (id, name, created_at) VALUES (gen_random_uuid(), 'Benchmark product', now());
            """;

    private final Path pgbench;
    private final StackEndpoints endpoints;
    private final Path workDir;

    PgBench(Path pgbench, StackEndpoints endpoints, Path workDir) {
        this.pgbench = pgbench;
        this.endpoints = endpoints;
        this.workDir = workDir;
    }

    /** Single-row inserts for {@code duration} over {@code connections} connections; latencies from pgbench's log. */
    LoadResult insert(Duration duration, int connections, int threads) {
        recreateDatabase();
        try {
            Path script = Files.writeString(workDir.resolve("insert.sql"), SCRIPT, StandardCharsets.UTF_8);
            Path logDir = Files.createDirectories(workDir.resolve("pgbench-log"));
            List<String> command = List.of(pgbench.toString(), "-h", StackEndpoints.HOST,
                    "-p", Integer.toString(endpoints.postgresPort()), "-U", endpoints.postgresUser(),
                    "-n", "-c", Integer.toString(connections), "-j", Integer.toString(Math.min(threads, connections)),
                    "-T", Long.toString(Math.max(1, duration.toSeconds())), "-f", script.toString(),
                    "-l", "--log-prefix=" + logDir.resolve("tx"), DATABASE);
            String output = execute(command, duration.plusSeconds(60));
            return parse(output, logDir);
        } catch (IOException e) {
            throw new BenchException("pgbench: " + e.getMessage(), e);
        } finally {
            dropDatabase();
        }
    }

    private String execute(List<String> command, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", endpoints.postgresPassword());
            Process process = pb.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException("pgbench did not finish within " + timeout.toSeconds() + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new BenchException("pgbench exited with code " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new BenchException("could not run " + pgbench + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while pgbench was running", e);
        }
    }

    static LoadResult parse(String output, Path logDir) throws IOException {
        Matcher tps = TPS.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        if (!tps.find() || !processed.find()) {
            throw new BenchException("cannot read pgbench's output: " + output.strip());
        }
        Matcher failed = FAILED.matcher(output);
        long requests = Long.parseLong(processed.group(1));
        double throughput = Double.parseDouble(tps.group(1));
        List<Double> latenciesMs = latencies(logDir);
        return new LoadResult(requests, throughput > 0 ? requests / throughput : 0, Percentiles.of(latenciesMs, 50),
                Percentiles.of(latenciesMs, 99), failed.find() ? Long.parseLong(failed.group(1)) : 0, Map.of());
    }

    /**
     * Per-transaction latencies from pgbench's {@code -l} logs (one file per thread; lines {@code client_id
     * transaction_no time_us script_no epoch epoch_us}; a failed transaction has no number there).
     */
    private static List<Double> latencies(Path logDir) throws IOException {
        List<Double> ms = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.map(line -> line.split(" ")).filter(f -> f.length > 2 && f[2].matches("\\d+"))
                            .forEach(f -> ms.add(Long.parseLong(f[2]) / 1000.0));
                }
            }
        }
        return ms;
    }

    /** A fresh database for the reference table; a leftover of an interrupted run is dropped first. */
    private void recreateDatabase() {
        dropDatabase();
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new BenchException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
        try (Connection c = connect(DATABASE); Statement st = c.createStatement()) {
            // the shape of a small entity row: a UUID key, a name, a timestamp
            st.execute("CREATE TABLE bench_insert (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                    + "created_at TIMESTAMPTZ NOT NULL)");
        } catch (SQLException e) {
            throw new BenchException("cannot create the table for pgbench: " + e.getMessage(), e);
        }
    }

    private void dropDatabase() {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new BenchException("cannot drop the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + StackEndpoints.HOST + ":" + endpoints.postgresPort()
                + "/" + database, endpoints.postgresUser(), endpoints.postgresPassword());
    }
}
