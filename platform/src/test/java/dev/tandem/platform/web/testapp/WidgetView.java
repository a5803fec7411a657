package dev.tandem.platform.web.testapp;

import java.time.Instant;
import java.util.UUID;

public record WidgetView(UUID id, String name, int quantity, Color color, Instant createdAt, long version) {
    static WidgetView of(Widget w) {
        return new WidgetView(w.id, w.name, w.quantity, w.color, w.createdAt, w.version);
    }
}
