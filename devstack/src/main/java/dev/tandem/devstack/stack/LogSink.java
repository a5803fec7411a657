package dev.tandem.devstack.stack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the stack's output goes: every log line of every child process (already prefixed, e.g.
 * {@code product  | ...}) and the stack's own progress lines. Called from several threads; implementations must
 * be thread-safe (the factories here are).
 */
@FunctionalInterface
public interface LogSink {

    void line(String line);

    /** Lines to {@code System.out} (looked up on every call, so a redirected {@code System.out} is honoured). */
    static LogSink stdout() {
        return line -> {
            PrintStream out = System.out;
            synchronized (out) {
                out.println(line);
            }
        };
    }

    static LogSink to(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println(line);
            }
        };
    }

    /** Drops everything. */
    static LogSink discard() {
        return line -> {
        };
    }

    /**
     * Appends to {@code file} (created with its parent folders), flushing after each line so the file is useful
     * while the stack runs and after a crash. ANSI colour codes are stripped.
     */
    static LogSink toFile(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return line -> {
                synchronized (writer) {
                    try {
                        writer.write(LogPrefixer.stripAnsi(line));
                        writer.newLine();
                        writer.flush();
                    } catch (IOException ignored) {
                        // a full disk must not take the stack down
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack log to " + file, e);
        }
    }

    /** Sends every line to this sink and then to {@code other}. */
    default LogSink and(LogSink other) {
        return line -> {
            line(line);
            other.line(line);
        };
    }
}
