package dev.tandem.devstack.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Copies the output of a child process line by line to a {@link LogSink}, each line prefixed, and remembers the
 * last lines so a failure can show them.
 */
final class LogPump implements Runnable {

    private final InputStream in;
    private final LogPrefixer prefixer;
    private final LogSink sink;
    private final int tailSize;
    private final Deque<String> tail = new ArrayDeque<>();
    private Thread thread;

    LogPump(InputStream in, LogPrefixer prefixer, LogSink sink, int tailSize) {
        this.in = in;
        this.prefixer = prefixer;
        this.sink = sink;
        this.tailSize = tailSize;
    }

    LogPump start(String threadName) {
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                try {
                    sink.line(prefixer.apply(line));
                } catch (RuntimeException ignored) {
                    // a failing sink must not stop the pump: the child would block on a full pipe
                }
            }
        } catch (IOException ignored) {
            // the child went away
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tailSize <= 0) {
                return;
            }
            if (tail.size() == tailSize) {
                tail.removeFirst();
            }
            tail.addLast(LogPrefixer.stripAnsi(line));
        }
    }

    /** The last lines read (at most the tail size), oldest first, without prefix and colours. */
    List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    /** Waits until the stream has ended (the child closed its output), at most {@code timeout}. */
    void awaitEnd(Duration timeout) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
