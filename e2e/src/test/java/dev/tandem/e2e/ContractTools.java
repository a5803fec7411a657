package dev.tandem.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The independent contract checkers (Spectral, the AsyncAPI CLI), installed from the npm registry into
 * {@code tools/contract/node_modules} at the versions pinned in {@code tools/contract/package-lock.json}.
 * {@code .ci/run} installs them before the build; when they are missing and {@code npm} is on the PATH, the first
 * check installs them itself ({@code npm ci}). Only a machine without Node.js skips the checks, saying so.
 */
final class ContractTools {

    static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path TOOLS = REPO_ROOT.resolve("tools/contract");

    private ContractTools() {
    }

    /** Runs {@code tool} (a name under node_modules/.bin) with {@code args}; returns exit code and output. */
    static Result run(String tool, List<String> args) throws IOException, InterruptedException {
        Path bin = ensureInstalled(tool);
        List<String> command = new ArrayList<>();
        command.add(bin.toString());
        command.addAll(args);
        return exec(command, TOOLS, 300);
    }

    private static synchronized Path ensureInstalled(String tool) throws IOException, InterruptedException {
        Path bin = TOOLS.resolve("node_modules/.bin").resolve(tool);
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Result npm;
        try {
            npm = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), TOOLS, 900);
        } catch (IOException noNpm) {
            Assumptions.abort("contract checks need Node.js 20+ and npm (apt-get install nodejs npm); .ci/run "
                    + "installs them: " + noNpm.getMessage());
            throw noNpm;
        }
        if (npm.exitCode() != 0 || !Files.isExecutable(bin)) {
            throw new IllegalStateException("npm ci in " + TOOLS + " failed (" + npm.exitCode() + "):\n" + npm.output());
        }
        return bin;
    }

    private static Result exec(List<String> command, Path dir, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("contract-tool", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            // no analytics calls from the AsyncAPI CLI, no colour codes in what we parse
            pb.environment().put("ASYNCAPI_METRICS", "false");
            pb.environment().put("NO_COLOR", "1");
            pb.environment().put("FORCE_COLOR", "0");
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    record Result(int exitCode, String output) {
    }
}
