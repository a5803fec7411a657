package dev.tandem.platform.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tandem.platform.security.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change of a record: when, who, through which event, and the fields that changed.
 *
 * @param at        when the change was made (the transaction that made it)
 * @param actor     who made it: the verified caller, or the service itself ({@code system:<service>}) for a change
 *                  made on another service's event or on a schedule
 * @param eventType the CloudEvents type of the event the change published, e.g. {@code dev.tandem.product.updated.v1}
 * @param changes   field name → {from, to}, in the API view's field names; bookkeeping fields (id, version,
 *                  createdAt/By, updatedAt/By) are left out; on creation every field set, from null
 */
@Schema(name = "HistoryEntry", description = "One change of a record: when, who, which event, and each field that "
        + "changed with its value before and after.")
public record HistoryEntry(
        @Schema(description = "When the change was made") Instant at,
        Actor actor,
        @Schema(example = "dev.tandem.product.updated.v1") String eventType,
        @Schema(description = "Field name → its value before and after. On creation: every field set, from null.",
                example = "{\"name\": {\"from\": \"Checkout\", \"to\": \"Checkout & Pay\"}, "
                        + "\"owner\": {\"from\": null, \"to\": \"li.pm@example.com\"}}")
        Map<String, FieldChange> changes) {

    public HistoryEntry {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
