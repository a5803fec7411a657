package dev.tandem.feedback.nps;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Net Promoter Score of a set of answers: % promoters (9–10) − % detractors (0–6), from −100 to 100, one decimal;
 * null when nobody answered.
 */
@Schema(name = "NpsResult")
public record Nps(@Schema(example = "120") long responses,
                  @Schema(example = "60") long promoters,
                  @Schema(example = "30") long passives,
                  @Schema(example = "30") long detractors,
                  @Schema(description = "% promoters − % detractors, −100…100, one decimal; null without responses.", example = "25.0")
                  BigDecimal nps) {

    public enum Category {
        PROMOTER, PASSIVE, DETRACTOR;

        /** The lowest score of a promoter (9–10); below it down to {@link #PASSIVE_FROM} a passive (7–8). */
        public static final int PROMOTER_FROM = 9;
        /** The lowest score of a passive; below it a detractor (0–6). */
        public static final int PASSIVE_FROM = 7;

        public static Category of(int score) {
            if (score < 0 || score > 10) {
                throw new IllegalArgumentException("score must be 0..10, got " + score);
            }
            return score >= PROMOTER_FROM ? PROMOTER : score >= PASSIVE_FROM ? PASSIVE : DETRACTOR;
        }
    }

    public static Nps of(long promoters, long passives, long detractors) {
        long n = promoters + passives + detractors;
        BigDecimal score = n == 0 ? null : BigDecimal.valueOf((promoters - detractors) * 100L)
                .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        return new Nps(n, promoters, passives, detractors, score);
    }

    public static Nps ofScores(int... scores) {
        long p = 0;
        long pa = 0;
        long d = 0;
        for (int s : scores) {
            switch (Category.of(s)) {
                case PROMOTER -> p++;
                case PASSIVE -> pa++;
                case DETRACTOR -> d++;
            }
        }
        return of(p, pa, d);
    }
}
