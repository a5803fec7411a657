package dev.tandem.devstack.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a devstack killed hard (SIGKILL, a crashed terminal) left running: its service JVMs and its PostgreSQL keep
 * going without it. The next start finds them through the data folder — {@code pids/<module>.pid} and PostgreSQL's
 * own {@code postmaster.pid} — checks each is really ours (alive, and its command line runs that service's jar or
 * that data folder's PostgreSQL, so a recycled pid of another program is never touched) and stops it: SIGTERM,
 * then SIGKILL after a grace period. {@code pids/devstack.pid} names the devstack that owns the folder; while it is
 * alive nothing is stopped and the new start is refused instead.
 */
public final class Leftovers {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private Leftovers() {
    }

    /** {@code <data>/pids/devstack.pid}. */
    public static Path ownerFile(Path dataDir) {
        return dataDir.resolve("pids").resolve("devstack.pid");
    }

    /** Records this JVM as the owner of the data folder. */
    public static void claim(Path dataDir) {
        try {
            Path file = ownerFile(dataDir);
            Files.createDirectories(file.getParent());
            Files.writeString(file, ProcessHandle.current().pid() + System.lineSeparator());
        } catch (IOException ignored) {
            // then a later start cannot tell; it still checks every process before stopping it
        }
    }

    /** Removes the owner record if it is this JVM's. */
    public static void release(Path dataDir) {
        Path file = ownerFile(dataDir);
        if (readPid(file).orElse(-1L) == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // harmless: a dead owner is recognised as dead
            }
        }
    }

    /**
     * Stops what an earlier, dead devstack of this data folder left running; says what it stops through
     * {@code say}.
     *
     * @return what was stopped, e.g. {@code product-service (pid 1234)}
     * @throws StackException when the devstack that owns the folder is still running
     */
    public static List<String> stop(StackConfig config, Consumer<String> say) {
        Path dataDir = config.dataDir();
        Optional<ProcessHandle> owner = readPid(ownerFile(dataDir)).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> commandLine(p).contains("dev.tandem.devstack"));
        if (owner.isPresent()) {
            throw new StackException("another devstack (pid " + owner.get().pid() + ") is running with the data in "
                    + dataDir + " — stop it first (Ctrl-C in its terminal, or `kill " + owner.get().pid()
                    + "`), or use another TANDEM_DATA_DIR");
        }
        List<ProcessHandle> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Instance s : everyInstance()) {
            String jar = config.serviceJar(s.service()).toAbsolutePath().normalize().toString();
            readPid(Stack.pidFile(dataDir, s)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(p -> commandLine(p).contains(jar))
                    .ifPresent(p -> {
                        found.add(p);
                        names.add(s.name() + " (pid " + p.pid() + ")");
                    });
        }
        // the services first, so that PostgreSQL's shutdown does not wait for their connections
        stopAll(found, names, say);
        Path pgData = dataDir.resolve("postgres").resolve("data").toAbsolutePath().normalize();
        Optional<ProcessHandle> postgres = readPid(pgData.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains("postgres") && commandLine(p).contains(pgData.toString()));
        List<String> all = new ArrayList<>(names);
        if (postgres.isPresent()) {
            String name = "PostgreSQL (pid " + postgres.get().pid() + ")";
            stopAll(List.of(postgres.get()), List.of(name), say);
            all.add(name);
        }
        for (Instance s : everyInstance()) {
            try {
                Files.deleteIfExists(Stack.pidFile(dataDir, s));
            } catch (IOException ignored) {
                // stale pid files are checked before they are trusted
            }
        }
        return all;
    }

    /** Every instance a devstack may have run, whatever {@code --replicas} the killed one had. */
    private static List<Instance> everyInstance() {
        List<Instance> all = new ArrayList<>();
        for (int i = 0; i < StackConfig.MAX_REPLICAS; i++) {
            for (Service s : Service.values()) {
                all.add(new Instance(s, i));
            }
        }
        return all;
    }

    private static void stopAll(List<ProcessHandle> processes, List<String> names, Consumer<String> say) {
        if (processes.isEmpty()) {
            return;
        }
        say.accept("stopping what an earlier devstack left running: " + String.join(", ", names));
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (p.isAlive()) {
                    say.accept("pid " + p.pid() + " did not stop within " + GRACE.toSeconds() + " s, killing it");
                    p.destroyForcibly();
                    try {
                        p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // reported by the port check that follows, if it still holds a port
                    }
                }
            }
        }
    }

    private static Optional<Long> readPid(Path file) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The process's command line: from /proc where there is one (complete), else what the JDK can tell. */
    static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException ignored) {
            // fall back
        }
        return p.info().commandLine().orElse("");
    }
}
