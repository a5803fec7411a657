package dev.tandem.devstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.devstack.stack.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the benchmark that need no stack: options, reading wrk's and pgbench's output, the import body. */
class BenchPartsTest {

    @Test
    void theBenchmarkRunsTheServicesAsRunDoesNotAsTheSystemTestsDo(@TempDir Path repo) {
        StackConfig own = Bench.stackConfig(repo, null).build();
        assertEquals(StackConfig.DEFAULT_JVM_OPTIONS, own.jvmOptions(), "./run's options, the full JIT included");
        assertFalse(own.jvmOptions().stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")),
                own.jvmOptions().toString());
        assertTrue(own.temporaryData(), "a fresh stack of its own, removed afterwards");

        StackConfig chosen = Bench.stackConfig(repo, " -Xmx256m  -XX:+UseParallelGC ").build();
        assertEquals(List.of("-Xmx256m", "-XX:+UseParallelGC"), chosen.jvmOptions(),
                "TANDEM_SERVICE_JAVA_OPTS replaces them");
    }

    @Test
    void optionsDefaultToEveryScenarioAndSmokeShrinksEveryPhase() {
        BenchOptions defaults = BenchOptions.parse();
        assertEquals(Duration.ofSeconds(20), defaults.measure());
        assertEquals(8, defaults.connections());
        assertEquals(Set.copyOf(BenchOptions.SCENARIOS), defaults.scenarios());
        assertEquals(100_000, defaults.importRows());

        BenchOptions smoke = BenchOptions.parse("--smoke", "--duration", "2m", "--scenario", "list", "--scenario", "import");
        assertEquals(Duration.ofSeconds(2), smoke.measure());
        assertEquals(Duration.ZERO, smoke.warmup());
        assertEquals(2_000, smoke.importRows());
        assertEquals(Set.of("list", "import"), smoke.scenarios());

        assertEquals(Duration.ofSeconds(20), BenchOptions.parse("--duration", "60").warmup());
        assertEquals(Duration.ofSeconds(20), BenchOptions.parse("--duration", "6s").warmup());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--scenario", "nope"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--duration", "fast"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--connections"));
    }

    @Test
    void wrksResultLineIsReadAmongItsOtherOutput() {
        LoadResult r = WrkRunner.parse("""
                Running 2s test @ http://127.0.0.1:8080/
                  2 threads and 8 connections
                BENCH_RESULT {"requests":1000,"durationUs":2000000,"p50Us":1500.0,"p99Us":9000.0,"socketErrors":1,"statusErrors":2,"statuses":{"201":997,"409":3}}
                """, "http://127.0.0.1:8080/");
        assertEquals(1000, r.requests());
        assertEquals(500, r.throughput(), 1e-9);
        assertEquals(1.5, r.p50Ms(), 1e-9);
        assertEquals(9.0, r.p99Ms(), 1e-9);
        assertEquals(3, r.errors());
        assertEquals(Map.of("201", 997L, "409", 3L), r.statuses());
        assertThrows(BenchException.class, () -> WrkRunner.parse("unable to connect", "http://x/"));
    }

    @Test
    void pgbenchsSummaryAndPerTransactionLogAreRead(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("tx.123"), "0 1 1000 0 1700000000 1\n1 1 3000 0 1700000000 2\n");
        Files.writeString(logs.resolve("tx.123.1"), "2 1 2000 0 1700000000 3\n3 1 failed 0 1700000000 4\n");
        LoadResult r = PgBench.parse("""
                number of transactions actually processed: 4000
                number of failed transactions: 1 (0.025%)
                latency average = 2.000 ms
                tps = 2000.000000 (without initial connection time)
                """, logs);
        assertEquals(4000, r.requests());
        assertEquals(2.0, r.seconds(), 1e-9);
        assertEquals(2.0, r.p50Ms(), 1e-9);
        assertEquals(3.0, r.p99Ms(), 1e-9);
        assertEquals(1, r.errors());
    }

    @Test
    void theImportBodyIsOneValidRowPerLine() throws Exception {
        List<String> customers = List.of("5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "6e1d4f7a-3c9b-4a2f-8d6e-4b3c2d1e0f9a");
        String body;
        try (ImportScenario.NdjsonRows rows = new ImportScenario.NdjsonRows(25, "ref", "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50",
                customers)) {
            body = new String(rows.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = body.split("\n");
        assertEquals(25, lines.length);
        ObjectMapper json = new ObjectMapper();
        Set<String> references = new java.util.HashSet<>();
        for (String line : lines) {
            JsonNode row = json.readTree(line);
            references.add(row.path("externalReference").asText());
            assertTrue(customers.contains(row.path("customerId").asText()), line);
        }
        assertEquals(25, references.size(), "every row is a new item");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(3.0, Percentiles.of(values, 50));
        assertEquals(5.0, Percentiles.of(values, 99));
        assertEquals(1.0, Percentiles.of(values, 1));
        assertEquals(0.0, Percentiles.of(List.of(), 50));
    }

    @Test
    void keysAreShortUpperCaseBase36() {
        assertEquals("0Z", BenchContext.base36(35, 2));
        assertEquals("10", BenchContext.base36(36, 2));
        assertEquals("00A", BenchContext.base36(10, 3));
    }
}
