package dev.tandem.platform.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** For OpenAPI: one page of a record's history, newest first (the platform's cursor paging). */
@Schema(name = "HistoryPage", description = "One page of a record's changes, newest first.")
public record HistoryPage(
        List<HistoryEntry> items,
        @Schema(description = "Opaque cursor of the next (older) page; absent on the last page",
                example = "WzEyMzRd") String nextCursor) {
}
