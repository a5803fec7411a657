package dev.tandem.devstack.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured: its table rows, the facts checked after the load (events published and consumed,
 * rows accepted, how long that took) as they go into the JSON, and the same as sentences for the table.
 */
record ScenarioResult(String name, List<Row> rows, Map<String, Object> facts, List<String> notes) {

    ScenarioResult {
        rows = List.copyOf(rows);
        facts = new LinkedHashMap<>(facts);
        notes = List.copyOf(notes);
    }
}
