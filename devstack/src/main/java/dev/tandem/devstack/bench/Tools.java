package dev.tandem.devstack.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The two load generators the benchmark drives, found on the {@code PATH}: {@code wrk} and {@code pgbench}. */
public final class Tools {

    /** A command and the Debian package that installs it. */
    record Tool(String command, String debianPackage) {
    }

    static final Tool WRK = new Tool("wrk", "wrk");
    static final Tool PGBENCH = new Tool("pgbench", "postgresql-client");

    private Tools() {
    }

    static Optional<Path> find(Tool tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool.command());
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path require(Tool tool) {
        return find(tool).orElseThrow(() -> new BenchException(missingMessage(List.of(tool))));
    }

    /**
     * Empty when both tools are installed; else a message naming what is missing and the exact install command,
     * e.g. {@code wrk is not installed — on Debian/Ubuntu: apt-get install wrk}.
     */
    public static Optional<String> missing() {
        List<Tool> missing = new ArrayList<>();
        for (Tool tool : List.of(WRK, PGBENCH)) {
            if (find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(missingMessage(missing));
    }

    private static String missingMessage(List<Tool> missing) {
        String commands = missing.stream().map(Tool::command).collect(Collectors.joining(" and "));
        String packages = missing.stream().map(Tool::debianPackage).collect(Collectors.joining(" "));
        return commands + (missing.size() == 1 ? " is" : " are") + " not installed — on Debian/Ubuntu: apt-get install "
                + packages + " (the benchmark drives wrk for HTTP load and pgbench for the database reference)";
    }
}
