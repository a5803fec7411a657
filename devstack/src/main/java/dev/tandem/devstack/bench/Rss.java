package dev.tandem.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Resident memory of a process, from Linux's {@code /proc/<pid>/status}. */
final class Rss {

    private Rss() {
    }

    /**
     * VmRSS in MB of {@code pid} or, if larger, of one of its descendants (a service may be started through a
     * wrapper such as {@code setsid} that forks); empty when it cannot be read (not Linux, process gone).
     */
    static OptionalDouble megabytes(long pid) {
        if (pid <= 0) {
            return OptionalDouble.empty();
        }
        return ProcessHandle.of(pid)
                .map(p -> Stream.concat(Stream.of(p), p.descendants()).mapToDouble(Rss::kilobytes).max())
                .orElse(OptionalDouble.empty())
                .stream().filter(kb -> kb > 0).map(kb -> kb / 1024).findFirst();
    }

    private static double kilobytes(ProcessHandle process) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", ""))).orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
