package dev.tandem.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.text.DateRules;

/**
 * An opaque pagination cursor: the sort-key values of the last item of a page, as base64url (no padding) of a JSON
 * array, e.g. {@code ["2024-05-31T12:00:00Z","6f1c2c1e-…"]} for a list sorted by {@code created_at, id}.
 *
 * <p>Clients must treat it as opaque; the encoding is not part of the API. Values are kept as JSON scalars:
 * strings, numbers, booleans (never null); other Java values ({@link Instant}, {@link UUID}, enums, dates) are
 * written with {@code toString()} and read back with the typed accessors. Anything a client can send that does not decode into
 * the expected values is a 400 problem naming {@code cursor}.
 */
public record Cursor(List<Object> values) {

    /** The query parameter name. */
    public static final String PARAM = "cursor";
    /** Cursors longer than this are refused before decoding. */
    public static final int MAX_LENGTH = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    public Cursor {
        values = List.copyOf(values);
    }

    /** A cursor for the sort-key values of an item, in sort order. */
    public static Cursor of(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(v == null || v instanceof String || v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        return new Cursor(list);
    }

    /** The opaque string form. */
    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cursor values must be JSON scalars", e);
        }
    }

    /**
     * Decodes a client's cursor.
     *
     * @throws ProblemException 400 naming {@code cursor} when it is not one this API produced
     */
    public static Cursor decode(String encoded) {
        return decode(encoded, MAX_LENGTH);
    }

    /**
     * Decodes a client's cursor of a list whose cursors may be longer than {@link #MAX_LENGTH} (one position per
     * partition of a set of topics, say): the same rules, with {@code maxLength} as the bound.
     *
     * @throws ProblemException 400 naming {@code cursor} when it is not one this API produced
     */
    public static Cursor decode(String encoded, int maxLength) {
        if (encoded == null || encoded.isBlank() || encoded.length() > maxLength) {
            throw invalid();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(encoded.strip());
            List<Object> values = JSON.readValue(new String(json, StandardCharsets.UTF_8), LIST);
            if (values == null || values.isEmpty()) {
                throw invalid();
            }
            for (Object v : values) {
                // no nulls: the API never writes one (a sort key is never null), and List.copyOf refuses them
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw invalid();
                }
            }
            return new Cursor(values);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw invalid();
        }
    }

    public int size() {
        return values.size();
    }

    public String string(int index) {
        Object v = value(index);
        if (!(v instanceof String s)) {
            throw invalid();
        }
        return s;
    }

    /** An instant this API wrote: ISO-8601 with a year from 0001 to 9999 (a farther one fails in the database). */
    public Instant instant(int index) {
        try {
            return DateRules.parseInstant(string(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(string(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public long longValue(int index) {
        Object v = value(index);
        if (v instanceof Number n && (v instanceof Integer || v instanceof Long)) {
            return n.longValue();
        }
        throw invalid();
    }

    public <E extends Enum<E>> E enumValue(int index, Class<E> type) {
        try {
            return Enum.valueOf(type, string(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private Object value(int index) {
        if (index < 0 || index >= values.size() || values.get(index) == null) {
            throw invalid();
        }
        return values.get(index);
    }

    /** The 400 for a cursor this API did not produce (or one from another list). */
    public static ProblemException invalid() {
        return ProblemException.badRequest("cursor is not valid: pass the nextCursor of a previous page unchanged",
                new Problem.FieldError(PARAM, "is not a valid cursor"));
    }
}
