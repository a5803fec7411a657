package dev.tandem.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The gateway's access-log lines written while it is open: {@code try (AccessLogLines log = AccessLogLines.capture())
 * { … log.lines() … }}.
 */
public final class AccessLogLines extends Handler implements AutoCloseable {

    private static final Logger ACCESS = Logger.getLogger("dev.tandem.gateway.access");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private AccessLogLines() {
    }

    public static AccessLogLines capture() {
        AccessLogLines capture = new AccessLogLines();
        ACCESS.addHandler(capture);
        return capture;
    }

    /** What was written so far (grows while open; stays readable after close). */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ACCESS.removeHandler(this);
    }
}
