package dev.tandem.feedback.sentiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** negative (score ≤ −0.1), neutral, positive (score ≥ 0.1). */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SentimentLabel parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
