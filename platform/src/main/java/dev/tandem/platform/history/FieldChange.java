package dev.tandem.platform.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field's change: its value before and after, as the record's API view shows the field (null: it had none, or
 * the record did not exist yet). Nulls are written, not left out: {@code "from": null} says the field was empty.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "FieldChange", description = "A field's value before and after the change, as the record's own view "
        + "shows it (any JSON value; null when it had none).")
public record FieldChange(
        @Schema(description = "The value before (null: none, or the record was just created)", example = "Checkout")
        JsonNode from,
        @Schema(description = "The value after (null: cleared)", example = "Checkout & Pay")
        JsonNode to) {
}
