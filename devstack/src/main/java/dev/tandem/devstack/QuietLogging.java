package dev.tandem.devstack;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import dev.tandem.devstack.stack.LogPrefixer;
import dev.tandem.devstack.stack.LogSink;

/**
 * Keeps the in-process Kafka broker and embedded PostgreSQL quiet: they log through SLF4J, bound to
 * java.util.logging (slf4j-jdk14), and only warnings and errors get through — prefixed {@code infra    | }.
 */
public final class QuietLogging {

    /** Strong references: java.util.logging keeps only weak ones to configured loggers. */
    private static final Logger ROOT = Logger.getLogger("");

    private QuietLogging() {
    }

    public static void install(LogSink sink, boolean colour, boolean debug) {
        LogManager.getLogManager().reset();
        ROOT.setLevel(Level.WARNING);
        LogPrefixer prefixer = LogPrefixer.forLabel("infra", colour);
        Handler handler = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record) || isRoutine(record)) {
                    return;
                }
                String level = record.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERROR" : "WARN ";
                StringBuilder line = new StringBuilder(level).append(' ')
                        .append(shortName(record.getLoggerName())).append(": ")
                        .append(formatter.formatMessage(record));
                Throwable t = record.getThrown();
                if (t != null) {
                    line.append(" (").append(t).append(')');
                }
                for (String l : line.toString().split("\\R")) {
                    sink.line(prefixer.apply(l));
                }
                if (t != null && debug) {
                    for (StackTraceElement e : t.getStackTrace()) {
                        sink.line(prefixer.apply("        at " + e));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.WARNING);
        ROOT.addHandler(handler);
    }

    /** Warnings the embedded broker logs on every start or stop of a healthy single node. */
    private static final List<String> ROUTINE = List.of(
            "Performing controller activation",
            "Attempting to close NetworkClient that has already been closed");

    private static boolean isRoutine(LogRecord record) {
        String message = record.getMessage();
        if (message == null || record.getLevel().intValue() > Level.WARNING.intValue()) {
            return false;
        }
        for (String routine : ROUTINE) {
            if (message.contains(routine)) {
                return true;
            }
        }
        return false;
    }

    private static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "root";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
