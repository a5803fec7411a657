package dev.tandem.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.Problems;

/**
 * Turns what Jackson throws while reading a request body into a 400 problem naming the offending field path.
 *
 * <p>Quarkus REST rethrows {@link MismatchedInputException} (unknown field, wrong type, bad enum/UUID/date) as is,
 * and wraps every other {@link JsonProcessingException} (syntax errors, values a constructor refused) in a
 * {@code WebApplicationException(400)}; {@link ProblemMappers} hands both here. {@link InvalidDefinitionException}
 * is a bug in a DTO, not in the input: callers answer it with a 500.
 */
final class JacksonProblems {

    private JacksonProblems() {
    }

    static boolean isClientError(JsonProcessingException e) {
        return !(e instanceof InvalidDefinitionException);
    }

    static Problem toProblem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problems.of(400, Problems.MALFORMED_JSON, "Malformed JSON",
                    "The JSON document exceeds a processing limit: " + e.getOriginalMessage(), List.of());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return malformed(e);
        }
        String path = path(mapping);
        String message = fieldMessage(mapping);
        if (path.isEmpty()) {
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return Problems.of(400, Problems.VALIDATION, "Invalid request",
                        "The request body " + message, List.of());
            }
            return malformed(e);
        }
        return Problems.of(400, Problems.VALIDATION, "Invalid request", path + ": " + message,
                List.of(new Problem.FieldError(path, message)));
    }

    private static Problem malformed(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
                : "";
        String why = e.getOriginalMessage() == null ? "" : ": " + firstLine(e.getOriginalMessage());
        return Problems.of(400, Problems.MALFORMED_JSON, "Malformed JSON",
                "The request body is not valid JSON" + where + why, List.of());
    }

    /** The JSON path of the offending value: {@code budget.amount}, {@code items[2].name}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String fieldMessage(JsonMappingException e) {
        if (e instanceof dev.tandem.platform.text.SafeTextModule.ControlCharacterException refused) {
            return refused.reason();
        }
        if (e instanceof PropertyBindingException unknown) {
            return "unknown field" + (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty()
                    ? ""
                    : "; known fields: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException format) {
            return expectation(format.getTargetType()) + ", got " + quote(format.getValue());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType() == null ? "has the wrong type" : expectation(mismatch.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException iae
                && iae.getMessage() != null) {
            return "is invalid: " + firstLine(iae.getMessage());
        }
        return "is invalid";
    }

    /** What a value of this Java type looks like in JSON, phrased for a client ("must be a UUID"). */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "must be an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date such as 2024-05-31";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be an ISO-8601 date-time with offset such as 2024-05-31T12:00:00Z";
        }
        if (type == LocalDateTime.class) {
            return "must be an ISO-8601 date-time such as 2024-05-31T12:00:00";
        }
        if (type == LocalTime.class) {
            return "must be an ISO-8601 time such as 12:00:00";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 " + type.getSimpleName();
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
                ? "must be an object" : "has the wrong type";
    }

    private static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        if (s.length() > 64) {
            s = s.substring(0, 64) + "…";
        }
        return value instanceof String ? '"' + s + '"' : s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
