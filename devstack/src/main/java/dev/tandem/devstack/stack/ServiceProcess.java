package dev.tandem.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output pumped to the stack's sink. */
final class ServiceProcess {

    /** {@code setsid} puts the child in its own session, so Ctrl-C reaches only the devstack, which stops it in order. */
    private static final Path SETSID = findSetsid();

    final Instance instance;
    final Process process;
    final LogPump pump;
    final long startedNanos;

    private ServiceProcess(Instance instance, Process process, LogPump pump, long startedNanos) {
        this.instance = instance;
        this.process = process;
        this.pump = pump;
        this.startedNanos = startedNanos;
    }

    static ServiceProcess launch(Instance instance, StackConfig config, Map<String, String> environment, int tailLines)
            throws IOException {
        Service service = instance.service();
        List<String> command = command(config, service);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(config.repoRoot().resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // glibc keeps up to 8 malloc arenas per core; the JVM's many threads then hold tens of MB of native memory
        // that a small service never needs (docs/performance.md, RSS). Two are plenty; an explicit setting wins.
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        pb.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = pb.start();
        LogPump pump = new LogPump(process.getInputStream(), LogPrefixer.forInstance(instance, config.colour()),
                config.output(), tailLines).start("devstack-log-" + instance.label());
        return new ServiceProcess(instance, process, pump, started);
    }

    static List<String> command(StackConfig config, Service service) {
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            command.add(SETSID.toString());
        }
        command.add(config.javaExecutable().toString());
        command.addAll(config.jvmOptions());
        command.add("-jar");
        command.add(config.serviceJar(service).toString());
        return command;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Sends SIGTERM to the process (and to anything it started). Through its {@link ProcessHandle}:
     * {@link Process#destroy()} would also close our end of its output, losing the lines it writes while stopping.
     */
    void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.toHandle().destroy();
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last log lines, after giving the pump a moment to drain what the process wrote before it exited. */
    List<String> tail(Duration drain) {
        pump.awaitEnd(drain);
        return pump.tail();
    }
}
