package dev.tandem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.devstack.bench.Bench;
import dev.tandem.devstack.bench.BenchOptions;
import dev.tandem.devstack.bench.Tools;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bench --smoke} against the system-test stack (it saves starting a second stack), so the benchmark cannot
 * rot: every scenario runs, produces its rows without errors, its after-checks hold, and the report files are
 * written and readable. No timing assertions: the numbers of a smoke run on a shared machine mean nothing. Reports
 * itself skipped where wrk or pgbench is not installed ({@code .ci/run} installs both).
 */
class BenchSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target", "bench-smoke");

    @Test
    void everyScenarioRunsAndTheReportIsWritten() throws Exception {
        Optional<String> missing = Tools.missing();
        assumeTrue(missing.isEmpty(), () -> "benchmark smoke test skipped: " + missing.orElse(""));
        deleteRecursively(OUT);

        Path written = Bench.run(SystemUnderTest.stack(), Map.of(),
                BenchOptions.parse("--smoke", "--out", OUT.toString()), System.out);

        JsonNode report = JSON.readTree(OUT.resolve("latest.json").toFile());
        assertEquals(report, JSON.readTree(written.toFile()), "latest.json is a copy of this run's file");
        assertEquals("smoke", report.path("mode").asText());
        List<String> scenarios = new ArrayList<>();
        for (JsonNode scenario : report.path("scenarios")) {
            String name = scenario.path("name").asText();
            scenarios.add(name);
            assertTrue(scenario.path("rows").size() > 0, name + " has rows");
            for (JsonNode row : scenario.path("rows")) {
                assertTrue(row.path("requests").asLong() > 0, "requests in " + row);
                assertEquals(0, row.path("errors").asLong(), "errors in " + row);
            }
        }
        assertEquals(BenchOptions.SCENARIOS, scenarios);

        JsonNode create = facts(report, "create-product");
        assertTrue(create.path("created").asLong() > 0, create.toString());
        assertEquals(create.path("created").asLong(), create.path("replicated").asLong(),
                "every product created is in feedback-service's catalog: " + create);
        assertEquals(0, create.path("unsentEvents").asLong(), "every product.created event published: " + create);

        JsonNode link = facts(report, "feedback-link");
        assertTrue(link.path("links").asLong() > 0, link.toString());
        assertEquals(link.path("links").asLong(), link.path("demandFeedbackCount").asLong(),
                "product-service's demand counts every link: " + link);

        JsonNode imported = facts(report, "import");
        assertEquals(200, imported.path("status").asInt(), imported.toString());
        assertEquals(imported.path("rows").asLong(), imported.path("created").asLong(), "every row accepted: " + imported);
        assertEquals(imported.path("rows").asLong(), imported.path("stored").asLong(), "every row stored: " + imported);
        assertEquals(0, imported.path("rejected").asLong(), imported.toString());
        assertTrue(imported.path("eventsDelivered").asBoolean(), "the import's events consumed: " + imported);

        JsonNode lag = facts(report, "event-lag");
        assertTrue(lag.path("events").asLong() > 0, lag.toString());
        assertEquals(lag.path("events").asLong(), lag.path("delivered").asLong(), "every event delivered: " + lag);

        assertEquals(4, report.path("memoryMb").size(), "RSS of every service: " + report.path("memoryMb"));
        assertEquals(7, report.path("targets").size(), report.path("targets").toString());

        String markdown = Files.readString(OUT.resolve("latest.md"));
        assertTrue(markdown.contains("|scenario|target|rate|"), markdown);
        for (String name : BenchOptions.SCENARIOS) {
            assertTrue(markdown.contains("|" + name + "|"), name + " in the Markdown table");
        }
        String stem = written.getFileName().toString().replace(".json", "");
        assertTrue(Files.isRegularFile(OUT.resolve(stem + ".md")), "the run's own Markdown file");
    }

    private static JsonNode facts(JsonNode report, String scenario) {
        for (JsonNode s : report.path("scenarios")) {
            if (s.path("name").asText().equals(scenario)) {
                return s.path("facts");
            }
        }
        throw new AssertionError("no scenario " + scenario);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
