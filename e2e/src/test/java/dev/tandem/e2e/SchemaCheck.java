package dev.tandem.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What the merged OpenAPI document promises about a request, checked the way a client reads it: {@code $ref}s
 * resolved, and a value tested against its schema's type, required and unknown properties, lengths, patterns, enums,
 * formats ({@code uuid}, RFC 3339 {@code date} and {@code date-time}), numeric bounds, {@code multipleOf} and item
 * counts, plus Tandem's text rule (no control characters, docs/api-conventions.md). A value this class finds
 * invalid must be refused; one it finds valid may still be refused for a business rule.
 */
final class SchemaCheck {

    /** Reads what the suite sends without Jackson's own limits, so that a huge number or deep nesting is seen. */
    private static final ObjectMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                            .maxNestingDepth(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern FULL_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}"
            + "(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");

    private final JsonNode spec;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SchemaCheck(JsonNode spec) {
        this.spec = spec;
    }

    /** The node with its {@code $ref} replaced by the target, the node's own members taking precedence. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            JsonNode target = spec.at(current.get("$ref").asText().substring(1));
            ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy()
                    : GatewayClient.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = current.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            }
            current = merged;
        }
        return current;
    }

    /** The schema's type (the first non-null one of a list), else what the sample value is. */
    static String type(JsonNode schema, JsonNode sample) {
        JsonNode type = schema == null ? MissingNode.getInstance() : schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (schema != null && schema.has("properties")) {
            return "object";
        }
        if (schema != null && schema.has("items")) {
            return "array";
        }
        if (sample == null || sample.isMissingNode() || sample.isNull()) {
            return null;
        }
        if (sample.isTextual()) {
            return "string";
        }
        if (sample.isIntegralNumber()) {
            return "integer";
        }
        if (sample.isNumber()) {
            return "number";
        }
        if (sample.isBoolean()) {
            return "boolean";
        }
        return sample.isArray() ? "array" : sample.isObject() ? "object" : null;
    }

    static String write(JsonNode node) {
        try {
            return GatewayClient.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }

    /** Why the body (which may hold raw JSON fragments) breaks {@code schema}; null when it conforms. */
    String violation(JsonNode schema, JsonNode body) {
        JsonNode parsed;
        try {
            parsed = LENIENT.readTree(write(body));
        } catch (IOException e) {
            return "malformed JSON";
        }
        return check(resolve(schema), parsed, "");
    }

    /** Why a query parameter's value breaks its schema; null when it conforms or is empty (absent). */
    String paramViolation(JsonNode schema, String value) {
        if (value.isEmpty()) {
            return null;
        }
        JsonNode s = resolve(schema);
        String type = type(s, null);
        if ("array".equals(type)) {
            s = resolve(s.path("items"));
            type = type(s, null);
        }
        JsonNode node = TextNode.valueOf(value);
        if ("integer".equals(type) || "number".equals(type)) {
            try {
                // spaces around a number are read as the number (PageRequest strips them): not flagged
                node = LENIENT.getNodeFactory().numberNode(new BigDecimal(value.strip()));
            } catch (NumberFormatException e) {
                return "not a number";
            }
        }
        String why = check(s, node, "");
        return why == null ? null : "query parameter " + why;
    }

    private String check(JsonNode s, JsonNode value, String at) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String type = type(s, null);
        if (type == null) {
            return null;
        }
        String here = at.isEmpty() ? "the body" : at;
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    return here + ": not a string";
                }
                return checkString(s, value.asText(), here);
            }
            case "integer", "number" -> {
                BigDecimal n;
                if (value.isNumber()) {
                    n = value.decimalValue();
                } else if (value.isTextual()) {
                    try {
                        n = new BigDecimal(value.asText()); // Jackson reads numbers from text: not a refusal reason
                    } catch (NumberFormatException e) {
                        return here + ": not a number";
                    }
                } else {
                    return here + ": not a number";
                }
                return checkNumber(s, n, type, here);
            }
            case "boolean" -> {
                boolean ok = value.isBoolean() || value.isTextual()
                        && (value.asText().equals("true") || value.asText().equals("false"));
                return ok ? null : here + ": not a boolean";
            }
            case "array" -> {
                if (!value.isArray()) {
                    return here + ": not an array";
                }
                if (s.has("maxItems") && value.size() > s.get("maxItems").asInt()) {
                    return here + ": more than " + s.get("maxItems").asInt() + " items";
                }
                if (s.has("minItems") && value.size() < s.get("minItems").asInt()) {
                    return here + ": fewer than " + s.get("minItems").asInt() + " items";
                }
                JsonNode items = resolve(s.path("items"));
                for (int i = 0; i < value.size(); i++) {
                    String why = check(items, value.get(i), at + "[" + i + "]");
                    if (why != null) {
                        return why;
                    }
                }
                return null;
            }
            case "object" -> {
                if (!value.isObject()) {
                    return here + ": not an object";
                }
                for (JsonNode required : s.path("required")) {
                    JsonNode v = value.get(required.asText());
                    if (v == null || v.isNull()) {
                        return prefix(at) + required.asText() + ": required";
                    }
                }
                JsonNode properties = s.path("properties");
                boolean open = s.path("additionalProperties").isObject()
                        || s.path("additionalProperties").asBoolean(false);
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!properties.has(e.getKey())) {
                        if (!open) {
                            return prefix(at) + abbreviate(e.getKey()) + ": unknown field";
                        }
                        continue;
                    }
                    String why = check(resolve(properties.get(e.getKey())), e.getValue(), prefix(at) + e.getKey());
                    if (why != null) {
                        return why;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private String checkString(JsonNode s, String v, String here) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return here + ": control character U+" + String.format("%04X", (int) c);
            }
        }
        int length = v.codePointCount(0, v.length());
        if (s.has("maxLength") && length > s.get("maxLength").asInt()) {
            return here + ": longer than " + s.get("maxLength").asInt();
        }
        if (s.has("minLength") && length < s.get("minLength").asInt()) {
            return here + ": shorter than " + s.get("minLength").asInt();
        }
        if (s.has("enum")) {
            // Jackson reads an enum name with whitespace around it as the name: lenient, harmless, not flagged
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.asText().equals(v.strip());
            }
            if (!found) {
                return here + ": not one of " + s.get("enum");
            }
        }
        if (s.has("pattern") && !patterns.computeIfAbsent(s.get("pattern").asText(), Pattern::compile)
                .matcher(v).find()) {
            return here + ": does not match " + s.get("pattern").asText();
        }
        switch (s.path("format").asText()) {
            case "uuid" -> {
                if (!UUID.matcher(v).matches()) {
                    return here + ": not a UUID";
                }
            }
            case "date" -> {
                if (!FULL_DATE.matcher(v).matches() || !parses(() -> LocalDate.parse(v))) {
                    return here + ": not an RFC 3339 date";
                }
            }
            case "date-time" -> {
                if (!DATE_TIME.matcher(v).matches() || !parses(() -> OffsetDateTime.parse(v))) {
                    return here + ": not an RFC 3339 date-time";
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static String checkNumber(JsonNode s, BigDecimal n, String type, String here) {
        if (type.equals("integer")) {
            if (n.stripTrailingZeros().scale() > 0) {
                return here + ": not a whole number";
            }
            boolean int32 = s.path("format").asText().equals("int32");
            long min = int32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = int32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            // compared as decimals: 1e1000000000 as a BigInteger would be the denial of service itself
            if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
                return here + ": out of the " + (int32 ? "int32" : "int64") + " range";
            }
        }
        if (s.has("minimum") && n.compareTo(s.get("minimum").decimalValue()) < 0) {
            return here + ": below " + s.get("minimum");
        }
        if (s.has("maximum") && n.compareTo(s.get("maximum").decimalValue()) > 0) {
            return here + ": above " + s.get("maximum");
        }
        if (s.path("exclusiveMinimum").isNumber() && n.compareTo(s.get("exclusiveMinimum").decimalValue()) <= 0) {
            return here + ": not above " + s.get("exclusiveMinimum");
        }
        if (s.path("exclusiveMaximum").isNumber() && n.compareTo(s.get("exclusiveMaximum").decimalValue()) >= 0) {
            return here + ": not below " + s.get("exclusiveMaximum");
        }
        if (s.has("multipleOf")) {
            BigDecimal step = s.get("multipleOf").decimalValue();
            // a huge exponent would make the remainder itself the denial of service: far beyond any bound anyway
            if (Math.abs((long) n.scale()) > 10_000 || n.precision() > 10_000) {
                return here + ": not a multiple of " + step;
            }
            if (n.remainder(step).signum() != 0) {
                return here + ": not a multiple of " + step;
            }
        }
        return null;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String prefix(String at) {
        return at.isEmpty() ? "" : at + ".";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
