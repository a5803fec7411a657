package dev.tandem.devstack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code wrk} with the benchmark's Lua scripts (resources next to this class). A job names its scripts;
 * {@code common.lua} always comes first (thread numbering, status histogram, and the {@code done()} that prints the
 * one {@code BENCH_RESULT} JSON line parsed here), then the job's scripts, concatenated into one file because wrk
 * loads exactly one.
 */
final class WrkRunner {

    private static final String RESOURCES = "/dev/tandem/devstack/bench/";
    private static final String RESULT_PREFIX = "BENCH_RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests slower than this count as timeouts (errors); imports don't go through wrk. */
    private static final String REQUEST_TIMEOUT = "10s";

    /**
     * One wrk run: {@code url} (its path is what a script without {@code request()} sends), the scripts after
     * {@code common.lua}, extra headers, {@code name=value} script arguments.
     */
    record Job(String url, List<String> scripts, Map<String, String> headers, Map<String, String> args) {

        Job {
            scripts = List.copyOf(scripts);
            headers = new LinkedHashMap<>(headers);
            args = new LinkedHashMap<>(args);
        }

        static Job get(String url, Map<String, String> headers) {
            return new Job(url, List.of(), headers, Map.of());
        }
    }

    private final Path wrk;
    private final Path scriptDir;
    private final int connections;
    private final int threads;

    WrkRunner(Path wrk, Path scriptDir, int connections) {
        this.wrk = wrk;
        this.scriptDir = scriptDir;
        this.connections = connections;
        // one event loop per core is all wrk needs; more threads would only take CPU from the system under test
        this.threads = Math.max(1, Math.min(connections, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    int threads() {
        return threads;
    }

    LoadResult run(Job job, Duration duration) {
        return run(job, duration, connections);
    }

    /** With another number of connections than the benchmark's, e.g. for a paced run that needs more. */
    LoadResult run(Job job, Duration duration, int connections) {
        Path script = writeScript(job.scripts());
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t", Integer.toString(threads),
                "-c", Integer.toString(Math.max(connections, threads)), "-d", Math.max(1, duration.toSeconds()) + "s",
                "--timeout", REQUEST_TIMEOUT, "-s", script.toString()));
        job.headers().forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(job.url());
        if (!job.args().isEmpty()) {
            command.add("--");
            job.args().forEach((name, value) -> command.add(name + "=" + value));
        }
        String output = execute(command, duration.plusSeconds(60));
        return parse(output, job.url());
    }

    private String execute(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readAllBytes(); // wrk writes a few lines at the end; this returns when it exits
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException("wrk did not finish within " + timeout.toSeconds() + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new BenchException("wrk exited with code " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new BenchException("could not run " + wrk + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while wrk was running", e);
        }
    }

    static LoadResult parse(String output, String url) {
        for (String line : output.split("\\R")) {
            if (line.startsWith(RESULT_PREFIX)) {
                try {
                    JsonNode r = JSON.readTree(line.substring(RESULT_PREFIX.length()));
                    Map<String, Long> statuses = new LinkedHashMap<>();
                    r.path("statuses").fields().forEachRemaining(e -> statuses.put(e.getKey(), e.getValue().asLong()));
                    return new LoadResult(r.path("requests").asLong(), r.path("durationUs").asDouble() / 1e6,
                            r.path("p50Us").asDouble() / 1000, r.path("p99Us").asDouble() / 1000,
                            r.path("socketErrors").asLong() + r.path("statusErrors").asLong(), statuses);
                } catch (IOException e) {
                    throw new BenchException("cannot read wrk's result line " + line + ": " + e.getMessage(), e);
                }
            }
        }
        throw new BenchException("wrk printed no result for " + url + ": " + output.strip());
    }

    private Path writeScript(List<String> scripts) {
        StringBuilder text = new StringBuilder(resource("common.lua"));
        for (String name : scripts) {
            text.append("\n-- ").append(name).append('\n').append(resource(name));
        }
        Path file = scriptDir.resolve(scripts.isEmpty() ? "plain.lua" : String.join("+", scripts));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String resource(String name) {
        try (InputStream in = WrkRunner.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new BenchException("missing wrk script " + RESOURCES + name + " (a broken build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("cannot read " + RESOURCES + name + ": " + e.getMessage(), e);
        }
    }
}
