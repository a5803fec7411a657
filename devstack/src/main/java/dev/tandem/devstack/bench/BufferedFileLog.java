package dev.tandem.devstack.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tandem.devstack.stack.LogSink;

/**
 * The services' log lines to a file, buffered: under load the gateway writes an access-log line per request, and
 * flushing each (as {@link LogSink#toFile} does, for crash safety) would take CPU from the system under test.
 */
final class BufferedFileLog implements LogSink, Closeable {

    private final BufferedWriter writer;

    BufferedFileLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void line(String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            // a full disk must not stop the benchmark; the log is only for diagnosis
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
