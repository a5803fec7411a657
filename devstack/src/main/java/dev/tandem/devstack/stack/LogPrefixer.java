package dev.tandem.devstack.stack;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prefixes each log line with a fixed-width, optionally coloured label and a bar, e.g. {@code product  | ...}, so
 * the interleaved output of several processes stays readable.
 */
public final class LogPrefixer {

    /** Width of the label column; longer labels are cut. */
    public static final int WIDTH = 10;

    private static final String RESET = "\u001B[0m";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private final String prefix;

    private LogPrefixer(String label, String ansiColour, boolean colour) {
        String name = label.length() > WIDTH ? label.substring(0, WIDTH) : label;
        String padded = String.format(Locale.ROOT, "%-" + WIDTH + "s | ", name);
        this.prefix = colour && ansiColour != null ? ansiColour + padded + RESET : padded;
    }

    /** The prefix for one of the services (each has its own colour). */
    public static LogPrefixer forService(Service service, boolean colour) {
        return new LogPrefixer(service.label(), colourOf(service), colour);
    }

    /** The prefix for one instance of a service: {@code product}, or {@code product-2} for a replica. */
    public static LogPrefixer forInstance(Instance instance, boolean colour) {
        return new LogPrefixer(instance.label(), colourOf(instance.service()), colour);
    }

    /** The prefix for any other source, e.g. {@code devstack} or {@code infra}. */
    public static LogPrefixer forLabel(String label, boolean colour) {
        String ansi = switch (label) {
            case "devstack" -> "\u001B[1m";
            case "infra" -> "\u001B[34m";
            default -> "\u001B[37m";
        };
        return new LogPrefixer(label, ansi, colour);
    }

    private static String colourOf(Service service) {
        return switch (service) {
            case PRODUCT -> "\u001B[36m";
            case PROJECT -> "\u001B[35m";
            case FEEDBACK -> "\u001B[33m";
            case GATEWAY -> "\u001B[32m";
        };
    }

    public String prefix() {
        return prefix;
    }

    /** {@code line} with the prefix in front; a trailing carriage return is dropped. */
    public String apply(String line) {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line = line.substring(0, line.length() - 1);
        }
        return prefix + line;
    }

    /** {@code text} without ANSI escape sequences. */
    public static String stripAnsi(String text) {
        return text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }

    /**
     * Whether output should be coloured: only when it goes to a terminal, never when {@code NO_COLOR} is set to a
     * non-empty value (https://no-color.org) or {@code TERM=dumb}.
     */
    public static boolean colourWanted(Map<String, String> env, boolean terminal) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        return terminal;
    }

    /** {@link #colourWanted(Map, boolean)} for this process's environment and standard output. */
    public static boolean colourByDefault() {
        return colourWanted(System.getenv(), stdoutIsTerminal());
    }

    /** Whether standard output is a terminal (on Java 22+ {@code System.console()} alone no longer says so). */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only when stdin and stdout are terminals
        }
    }
}
