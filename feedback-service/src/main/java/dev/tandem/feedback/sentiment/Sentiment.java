package dev.tandem.feedback.sentiment;

/** A text's sentiment: score in −1…1 and its label. */
public record Sentiment(double score, SentimentLabel label) {

    /** Scores at or above this are positive, at or below its negation negative, in between neutral. */
    public static final double THRESHOLD = 0.1;

    public static Sentiment ofScore(double score) {
        double rounded = Math.round(Math.max(-1, Math.min(1, score)) * 1000) / 1000.0;
        SentimentLabel label = rounded >= THRESHOLD ? SentimentLabel.POSITIVE
                : rounded <= -THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(rounded, label);
    }
}
