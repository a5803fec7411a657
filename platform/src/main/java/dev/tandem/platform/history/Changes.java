package dev.tandem.platform.history;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The difference of two states of a record, field by field. Pure.
 *
 * <p>A field is a top-level property of the record's view; its value is compared whole (a money object, a list, a
 * nested object are one value). A field absent on one side counts as null there. Numbers compare by value
 * ({@code 2.5} equals {@code 2.50}: a decimal read back from the database may carry another scale than the one a
 * client sent). Fields in {@link #BOOKKEEPING} are never changes: they change with every change.
 */
public final class Changes {

    /** View fields that are not the record's content: its id, version and authorship. */
    public static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt", "createdBy",
            "updatedBy");

    private Changes() {
    }

    /**
     * Field name → {from, to} of every field whose value differs, in the order of {@code after}'s fields (then those
     * only {@code before} has).
     *
     * @param before the previous state; null or empty for a new record
     * @param after  the state now
     */
    public static Map<String, FieldChange> between(ObjectNode before, ObjectNode after) {
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(names::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(names::add);
        }
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String name : names) {
            if (BOOKKEEPING.contains(name)) {
                continue;
            }
            JsonNode from = valueOf(before, name);
            JsonNode to = valueOf(after, name);
            if (!same(from, to)) {
                changes.put(name, new FieldChange(from, to));
            }
        }
        return changes;
    }

    /** Whether two values are equal, numbers compared by value at any depth. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !same(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static JsonNode valueOf(ObjectNode state, String name) {
        JsonNode v = state == null ? null : state.get(name);
        return v == null || v.isMissingNode() ? NullNode.getInstance() : v;
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isBigDecimal() ? n.decimalValue() : new BigDecimal(n.asText());
    }
}
