package dev.tandem.feedback.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.text.TextRules;
import dev.tandem.platform.time.Now;

/**
 * Reads an import body one record at a time (never the whole body): CSV with a header line, or NDJSON (one JSON
 * object per line). Each record becomes either a valid {@link Row} or a {@link Rejected} with its line number and
 * reason. Pure, so the parsing rules are unit-tested without Quarkus.
 *
 * <p>The CSV reader is hand-written on purpose (docs/architecture.md, "Hand-written on purpose"): neither library
 * bounds one record's memory and still finds where it ends. Apache commons-csv (1.14) has no length limit (only a
 * row count): its lexer holds a quoted field whole until the closing quote. jackson-dataformat-csv limits one field
 * ({@code StreamReadConstraints.maxStringLength}), but after that exception it reads the rest of a quoted field as
 * new unquoted fields, so a comma or line break in it makes rows that were never sent. Cutting the input for either
 * from outside leaves the same question, inside quotes or not, which only this reader's own quote tracking answers.
 */
public final class ImportRows implements Iterator<ImportRows.Result> {

    /** The columns (CSV header names, NDJSON field names), in the documented order. */
    public static final List<String> COLUMNS = List.of("source", "externalReference", "customerId", "productId",
            "title", "text", "receivedAt", "tags", "owner");
    static final Set<String> REQUIRED = Set.of("source", "externalReference", "customerId", "productId", "title",
            "text");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid row. */
    public record Row(int line, Source source, String externalReference, UUID customerId, UUID productId,
                      String title, String text, Instant receivedAt, List<String> tags, String owner) {
    }

    /** A row that cannot be imported. */
    public record Rejected(int line, String reason) {
    }

    /** One of the two. */
    public record Result(Row row, Rejected rejected) {
    }

    private final BufferedReader reader;
    private final boolean csv;
    private List<String> header;
    private int lineNumber;
    private int recordStart = 1;
    private Result next;

    private ImportRows(BufferedReader reader, boolean csv) {
        this.reader = reader;
        this.csv = csv;
    }

    /**
     * CSV: the first line names the columns (any order, any subset containing the required ones).
     *
     * @throws ProblemException 400 naming the header when it lacks a required column or names an unknown one
     */
    public static ImportRows csv(BufferedReader reader) {
        ImportRows rows = new ImportRows(reader, true);
        List<String> header = rows.readCsvRecord();
        if (header == null) {
            throw ProblemException.badRequest("the CSV body is empty: its first line must name the columns "
                    + COLUMNS, new Problem.FieldError("header", "missing"));
        }
        List<String> names = header.stream().map(String::strip).toList();
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                throw ProblemException.badRequest("unknown CSV column \"" + name + "\"; known: " + COLUMNS,
                        new Problem.FieldError("header", "unknown column " + name + "; known: " + COLUMNS));
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !names.contains(required)) {
                throw ProblemException.badRequest("the CSV header lacks the required column " + required,
                        new Problem.FieldError("header", "missing column " + required));
            }
        }
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw ProblemException.badRequest("the CSV header names a column twice",
                    new Problem.FieldError("header", "duplicate column"));
        }
        rows.header = names;
        return rows;
    }

    public static ImportRows ndjson(BufferedReader reader) {
        return new ImportRows(reader, false);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = csv ? nextCsv() : nextJson();
        }
        return next != null;
    }

    @Override
    public Result next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Result r = next;
        next = null;
        return r;
    }

    /**
     * The line where the record being read (or the next one) starts: when reading stops in the middle of the body
     * (it ended early, or went past its size limit), every record before this line was returned whole.
     */
    public int recordStart() {
        return recordStart;
    }

    private Result nextCsv() {
        while (true) {
            int start = lineNumber + 1;
            recordStart = start;
            List<String> fields;
            try {
                fields = readCsvRecord();
            } catch (IllegalArgumentException e) {
                return new Result(null, new Rejected(start, e.getMessage()));
            }
            if (fields == null) {
                return null;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != header.size()) {
                return new Result(null, new Rejected(start, "has " + fields.size() + " fields, the header "
                        + header.size()));
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            String tags = values.get("tags");
            List<String> tagList = tags == null || tags.isBlank() ? List.of()
                    : Arrays.stream(tags.split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            return validate(start, values, tagList);
        }
    }

    private Result nextJson() {
        while (true) {
            recordStart = lineNumber + 1;
            String line = readLine();
            if (line == null) {
                return null;
            }
            int number = lineNumber;
            if (lineTooLong) {
                return new Result(null, new Rejected(number, tooLong()));
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                return new Result(null, new Rejected(number, "not valid JSON"));
            }
            if (node == null || !node.isObject()) {
                return new Result(null, new Rejected(number, "not a JSON object"));
            }
            Map<String, String> values = new HashMap<>();
            List<String> tags = new ArrayList<>();
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (!COLUMNS.contains(field.getKey())) {
                    return new Result(null, new Rejected(number, "unknown field " + field.getKey() + "; known: "
                            + COLUMNS));
                }
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (field.getKey().equals("tags")) {
                    if (!value.isArray()) {
                        return new Result(null, new Rejected(number, "tags: must be an array of strings"));
                    }
                    for (JsonNode t : value) {
                        if (!t.isTextual()) {
                            return new Result(null, new Rejected(number, "tags: must be an array of strings"));
                        }
                        tags.add(t.asText());
                    }
                } else if (!value.isTextual()) {
                    return new Result(null, new Rejected(number, field.getKey() + ": must be a string"));
                } else {
                    values.put(field.getKey(), value.asText());
                }
            }
            return validate(number, values, tags);
        }
    }

    /** The field rules of {@code POST /api/v1/feedback}, plus a required externalReference. */
    static Result validate(int line, Map<String, String> values, List<String> tags) {
        // the platform's text rule first (docs/api-conventions.md): no control characters, NUL included
        for (Map.Entry<String, String> value : new java.util.TreeMap<>(values).entrySet()) {
            String problem = value.getValue() == null ? null : TextRules.problem(value.getValue());
            if (problem != null) {
                return new Result(null, new Rejected(line, value.getKey() + ": " + problem));
            }
        }
        for (String tag : tags) {
            String problem = TextRules.problem(tag);
            if (problem != null) {
                return new Result(null, new Rejected(line, "tags: " + problem));
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && (values.get(required) == null || values.get(required).isBlank())) {
                return new Result(null, new Rejected(line, required + ": must not be blank"));
            }
        }
        Source source;
        try {
            source = Source.valueOf(values.get("source").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Result(null, new Rejected(line, "source: must be one of " + Arrays.toString(Source.values())));
        }
        UUID customerId = uuid(values.get("customerId"));
        if (customerId == null) {
            return new Result(null, new Rejected(line, "customerId: must be a UUID"));
        }
        UUID productId = uuid(values.get("productId"));
        if (productId == null) {
            return new Result(null, new Rejected(line, "productId: must be a UUID"));
        }
        String error = maxLength("externalReference", values, 200);
        error = error != null ? error : maxLength("title", values, 200);
        error = error != null ? error : maxLength("text", values, 20000);
        error = error != null ? error : maxLength("owner", values, 200);
        if (error != null) {
            return new Result(null, new Rejected(line, error));
        }
        Instant receivedAt = null;
        String received = values.get("receivedAt");
        if (received != null && !received.isBlank()) {
            try {
                receivedAt = Instant.parse(received.strip());
            } catch (DateTimeParseException e) {
                return new Result(null, new Rejected(line,
                        "receivedAt: must be an ISO-8601 instant such as 2026-11-21T16:40:00Z"));
            }
            if (receivedAt.isAfter(Now.instant().plus(1, ChronoUnit.MINUTES))) {
                return new Result(null, new Rejected(line, "receivedAt: must not be in the future"));
            }
        }
        if (tags.size() > 20) {
            return new Result(null, new Rejected(line, "tags: at most 20"));
        }
        for (String t : tags) {
            if (t.isBlank() || t.strip().length() > 50) {
                return new Result(null, new Rejected(line, "tags: each 1 to 50 characters"));
            }
        }
        return new Result(new Row(line, source, values.get("externalReference").strip(), customerId, productId,
                values.get("title"), values.get("text"), receivedAt, tags, values.get("owner")), null);
    }

    private static String maxLength(String field, Map<String, String> values, int max) {
        String v = values.get(field);
        return v != null && v.strip().length() > max ? field + ": at most " + max + " characters" : null;
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The longest line (and CSV record) held in memory: a row of the largest valid fields is far shorter. A longer
     * line is read to its end without being kept and its row is rejected, so a body of one endless line cannot fill
     * the heap (the body limit alone is 100 MB).
     */
    static final int MAX_LINE = 256 * 1024;

    /** Whether the last line read was cut at {@link #MAX_LINE} (the rest was skipped). */
    private boolean lineTooLong;

    private String readLine() {
        try {
            StringBuilder line = new StringBuilder(128);
            lineTooLong = false;
            int c;
            boolean any = false;
            while ((c = reader.read()) != -1) {
                any = true;
                if (c == '\n') {
                    break;
                }
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                } else {
                    lineTooLong = true; // keep reading to the end of the line, keep nothing
                }
            }
            if (!any) {
                return null;
            }
            lineNumber++;
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tooLong() {
        return String.format(java.util.Locale.ROOT, "longer than %,d characters; nothing of it was read", MAX_LINE);
    }

    /** Whether the next character read for CSV starts a line (counted in {@link #lineNumber} once read). */
    private boolean atLineStart = true;
    /** A character read after a carriage return that was not a line feed, to return next; -2 for none. */
    private int pushedBack = -2;

    /**
     * One RFC 4180 record: fields separated by commas, a field in double quotes may hold commas, line breaks and
     * doubled quotes; a quote anywhere but at the start of a field is kept as it is. Read character by character, so
     * the quotes of a record longer than {@link #MAX_LINE} are still followed to its end while nothing more of it is
     * kept. Null at the end of the input.
     *
     * @throws IllegalArgumentException for a quote left open at the end of the input, or a record that is too long
     */
    private List<String> readCsvRecord() {
        int c = csvChar();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean fieldEmpty = true; // a quote opens a quoted field only as the field's first character
        boolean quoted = false;
        boolean quoteInQuoted = false; // the closing quote, or the first of a doubled one
        int length = 0;
        for (; c != -1; c = csvChar()) {
            if (quoted) {
                if (quoteInQuoted) {
                    quoteInQuoted = false;
                    if (c != '"') {
                        quoted = false; // it was the closing quote: c belongs to the unquoted rest
                    }
                } else if (c == '"') {
                    quoteInQuoted = true;
                    length++;
                    continue;
                }
            }
            if (!quoted && c == '\n') {
                break;
            }
            length++; // past MAX_LINE, read on to the record's end and keep no more of it
            if (!quoted && c == '"' && fieldEmpty) {
                quoted = true;
            } else if (!quoted && c == ',') {
                if (length <= MAX_LINE) {
                    fields.add(field.toString());
                }
                field.setLength(0);
                fieldEmpty = true;
                continue;
            } else if (length <= MAX_LINE) {
                field.append((char) c);
            }
            fieldEmpty = false;
        }
        if (quoted && !quoteInQuoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        if (length > MAX_LINE) {
            throw new IllegalArgumentException(tooLong());
        }
        fields.add(field.toString());
        return fields;
    }

    /** The next character of a CSV body, a line break (CRLF or LF) as one LF, or -1 at its end. */
    private int csvChar() {
        try {
            int c = pushedBack != -2 ? pushedBack : reader.read();
            pushedBack = -2;
            if (c == '\r') {
                int after = reader.read();
                if (after == '\n' || after == -1) {
                    c = after;
                } else {
                    pushedBack = after;
                }
            }
            if (c != -1 && atLineStart) {
                lineNumber++;
            }
            atLineStart = c == '\n';
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
