package dev.tandem.platform.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void listsEachChangedFieldWithItsValueBeforeAndAfter() throws Exception {
        Map<String, FieldChange> changes = Changes.between(
                json("{\"name\": \"Checkout\", \"owner\": \"ana\", \"segments\": [\"SMB\"], \"budget\": {\"amount\": \"1.00\"}}"),
                json("{\"name\": \"Checkout & Pay\", \"owner\": \"ana\", \"segments\": [\"SMB\", \"Ent\"], \"budget\": {\"amount\": \"2.00\"}}"));
        assertEquals(List.of("name", "segments", "budget"), List.copyOf(changes.keySet()));
        assertEquals("Checkout", changes.get("name").from().asText());
        assertEquals("Checkout & Pay", changes.get("name").to().asText());
        assertEquals(2, changes.get("segments").to().size());
        assertEquals("2.00", changes.get("budget").to().path("amount").asText());
    }

    @Test
    void anAbsentFieldIsNullAndANewRecordChangesEveryFieldFromNull() throws Exception {
        Map<String, FieldChange> cleared = Changes.between(json("{\"vision\": \"v\"}"), json("{}"));
        assertTrue(cleared.get("vision").to().isNull());
        Map<String, FieldChange> created = Changes.between(null, json("{\"name\": \"n\", \"stage\": \"CONCEPT\"}"));
        assertEquals(List.of("name", "stage"), List.copyOf(created.keySet()));
        assertTrue(created.get("name").from().isNull());
    }

    @Test
    void numbersCompareByValueAtAnyDepth() throws Exception {
        assertEquals(Map.of(), Changes.between(json("{\"effort\": 2.5, \"kr\": [{\"target\": 10}]}"),
                json("{\"effort\": 2.50, \"kr\": [{\"target\": 10.0}]}")));
        assertEquals(List.of("effort"), List.copyOf(Changes.between(json("{\"effort\": 2.5}"),
                json("{\"effort\": 2.51}")).keySet()));
    }

    @Test
    void bookkeepingFieldsAreNeverChanges() throws Exception {
        assertEquals(Map.of(), Changes.between(
                json("{\"id\": 1, \"version\": 1, \"createdAt\": \"a\", \"updatedAt\": \"a\", \"updatedBy\": {\"subject\": \"x\"}}"),
                json("{\"id\": 1, \"version\": 2, \"createdAt\": \"a\", \"updatedAt\": \"b\", \"updatedBy\": {\"subject\": \"y\"}}")));
    }
}
