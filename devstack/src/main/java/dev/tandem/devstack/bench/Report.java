package dev.tandem.devstack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of a run: one table (a row per scenario target, with its ratios and the change since the last run),
 * the notes of the checks after the load, memory, startup and the targets. Printed, and written as
 * {@code bench-<time>.json} / {@code .md} plus {@code latest.json} / {@code latest.md}.
 */
final class Report {

    /** How the run was made: numbers are only comparable between runs made the same way. */
    record Meta(String timestamp, String mode, long secondsPerTarget, int connections, int wrkThreads, int cores,
                String java, List<String> serviceJvmOptions) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] HEADER = {"scenario", "target", "rate", "p50 ms", "p99 ms", "errors", "ratio", "vs last"};

    private final Meta meta;
    private final List<ScenarioResult> scenarios;
    private final Map<String, Double> rssMb;
    private final Map<String, Double> startupSeconds;

    Report(Meta meta, List<ScenarioResult> scenarios, Map<String, Double> rssMb, Map<String, Double> startupSeconds) {
        this.meta = meta;
        this.scenarios = List.copyOf(scenarios);
        this.rssMb = rssMb;
        this.startupSeconds = startupSeconds;
    }

    List<Row> rows() {
        return scenarios.stream().flatMap(s -> s.rows().stream()).toList();
    }

    List<Targets.Target> targets() {
        Map<String, Map<String, Object>> facts = new HashMap<>();
        scenarios.forEach(s -> facts.put(s.name(), s.facts()));
        return Targets.evaluate(rows(), facts, rssMb);
    }

    /**
     * Compares with {@code dir/latest.json} (when made the same way), prints the report, writes the files; returns
     * the JSON file of this run.
     */
    Path write(Path dir, PrintStream console) throws IOException {
        Files.createDirectories(dir);
        Path latestJson = dir.resolve("latest.json");
        boolean hadLast = Files.isRegularFile(latestJson);
        Map<String, Double> last = hadLast ? lastValues(JSON.readTree(latestJson.toFile())) : Map.of();
        List<String[]> table = table(last);

        String name = "bench-" + meta.timestamp().replaceAll("[-:]", "").replace('T', '-').replaceAll("\\..*|Z", "");
        Path json = dir.resolve(name + ".json");
        Path markdown = dir.resolve(name + ".md");
        JSON.writeValue(json.toFile(), json());
        Files.writeString(markdown, markdown(table), StandardCharsets.UTF_8);
        Files.copy(json, latestJson, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(markdown, dir.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);

        console.println();
        console.print(text(table, hadLast && last.isEmpty()));
        console.println("Written: " + json + " and " + markdown.getFileName() + " (also latest.json, latest.md)");
        return json;
    }

    // ---------------------------------------------------------------- the table

    private List<String[]> table(Map<String, Double> last) {
        List<Row> rows = rows();
        List<String[]> table = new ArrayList<>();
        for (Row r : rows) {
            List<String> ratios = Targets.ratios(r, rows).stream()
                    .map(x -> Targets.format(x.value()) + " × " + x.label()).toList();
            Double before = last.get(r.id());
            table.add(new String[] {r.scenario(), r.target(), rate(r.throughput()) + " " + r.unit(), ms(r.p50Ms()),
                    ms(r.p99Ms()), Long.toString(r.errors()), String.join(", ", ratios),
                    before == null || before <= 0 ? "" : String.format(Locale.ROOT, "%+.0f%%",
                            (r.compared() / before - 1) * 100)});
        }
        return table;
    }

    private String text(List<String[]> table, boolean lastNotComparable) {
        StringBuilder out = new StringBuilder();
        out.append(title()).append("\n\n");
        int[] width = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(table);
        for (String[] line : all) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        for (String[] line : all) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean number = i >= 2 && i <= 5;
                String cell = number ? " ".repeat(width[i] - line[i].length()) + line[i]
                        : line[i] + " ".repeat(width[i] - line[i].length());
                l.append(cell).append("  ");
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        out.append("(vs last: change of the rate since the last run made the same way; for the lag row, of its p99)\n");
        if (lastNotComparable) {
            out.append("(the last run was made differently — smoke or another connection count — so no comparison)\n");
        }
        for (ScenarioResult s : scenarios) {
            for (String note : s.notes()) {
                out.append("  ").append(s.name()).append(": ").append(note).append('\n');
            }
        }
        out.append("\nMemory (RSS of each service's JVM after the run)\n");
        rssMb.forEach((service, mb) -> out.append(String.format(Locale.ROOT, "  %-18s %5.0f MB%n", service, mb)));
        out.append("\nStartup (time to ready)\n");
        if (startupSeconds.isEmpty()) {
            out.append("  not measured (the stack was started by the caller)\n");
        }
        startupSeconds.forEach((service, s) -> out.append(String.format(Locale.ROOT, "  %-18s %5.1f s%n", service, s)));
        out.append("\nTargets").append(meta.mode().equals("smoke") ? " (smoke run: too short for meaningful numbers)" : "")
                .append('\n');
        for (Targets.Target t : targets()) {
            out.append(String.format(Locale.ROOT, "  %-13s %s — %s%n", t.status(), t.name(), t.detail()));
        }
        return out.toString();
    }

    private String markdown(List<String[]> table) {
        StringBuilder md = new StringBuilder("# Tandem benchmark, ").append(meta.timestamp()).append("\n\n")
                .append(title()).append(". Service JVM options: `").append(String.join(" ", meta.serviceJvmOptions()))
                .append("`.\n\n");
        md.append('|').append(String.join("|", HEADER)).append("|\n|");
        md.append("---|".repeat(2)).append("---:|".repeat(4)).append("---|".repeat(2)).append('\n');
        for (String[] line : table) {
            md.append('|').append(String.join("|", line)).append("|\n");
        }
        md.append('\n');
        for (ScenarioResult s : scenarios) {
            for (String note : s.notes()) {
                md.append("- **").append(s.name()).append("**: ").append(note).append('\n');
            }
        }
        md.append("\n| service | RSS MB | startup s |\n|---|---:|---:|\n");
        rssMb.forEach((service, mb) -> md.append(String.format(Locale.ROOT, "|%s|%.0f|%s|%n", service, mb,
                startupSeconds.containsKey(service) ? String.format(Locale.ROOT, "%.1f", startupSeconds.get(service)) : "")));
        md.append("\n| target | status | measured |\n|---|---|---|\n");
        for (Targets.Target t : targets()) {
            md.append('|').append(t.name()).append('|').append(t.status()).append('|').append(t.detail()).append("|\n");
        }
        return md.toString();
    }

    private String title() {
        return String.format(Locale.ROOT, "Tandem benchmark (%s run: %d s per target, %d connections, %d wrk threads, "
                        + "%d cores, Java %s)", meta.mode(), meta.secondsPerTarget(), meta.connections(),
                meta.wrkThreads(), meta.cores(), meta.java());
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    private static String ms(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    // ---------------------------------------------------------------- JSON

    private ObjectNode json() {
        ObjectNode root = JSON.valueToTree(meta);
        List<Row> all = rows();
        ArrayNode list = root.putArray("scenarios");
        for (ScenarioResult s : scenarios) {
            ObjectNode scenario = list.addObject().put("name", s.name());
            ArrayNode rows = scenario.putArray("rows");
            for (Row r : s.rows()) {
                ObjectNode row = JSON.valueToTree(r);
                row.set("ratios", JSON.valueToTree(Targets.ratios(r, all)));
                row.put("compared", r.compared());
                rows.add(row);
            }
            scenario.set("facts", JSON.valueToTree(s.facts()));
            scenario.set("notes", JSON.valueToTree(s.notes()));
        }
        root.set("memoryMb", JSON.valueToTree(rssMb));
        root.set("startupSeconds", JSON.valueToTree(startupSeconds));
        root.set("targets", JSON.valueToTree(targets()));
        return root;
    }

    /** Row id → its compared value in {@code last}, when {@code last} was made the same way as this run. */
    private Map<String, Double> lastValues(JsonNode last) {
        if (!meta.mode().equals(last.path("mode").asText()) || meta.connections() != last.path("connections").asInt()) {
            return Map.of();
        }
        Map<String, Double> values = new HashMap<>();
        for (JsonNode scenario : last.path("scenarios")) {
            for (JsonNode row : scenario.path("rows")) {
                values.put(row.path("id").asText(), row.path("compared").asDouble());
            }
        }
        return values;
    }
}
