package dev.tandem.feedback.insights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Themes: the terms that occur in the most feedback texts, stop-words (a resource file) and words shorter than 3
 * letters left out. A term counts once per text. Pure.
 */
public final class Themes {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");
    private static final Set<String> STOP_WORDS = load();

    @Schema(name = "Theme")
    public record Theme(@Schema(example = "export") String term, @Schema(description = "Feedback items using it.", example = "42") long count) {
    }

    /** The {@code limit} most frequent terms, most frequent first, ties in alphabetical order. */
    public static List<Theme> of(Iterable<String> texts, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (String text : texts) {
            Set<String> terms = new HashSet<>();
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                String term = m.group().replaceAll("^['-]+|['-]+$", "");
                if (term.length() >= 3 && !STOP_WORDS.contains(term)) {
                    terms.add(term);
                }
            }
            terms.forEach(t -> counts.merge(t, 1L, Long::sum));
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new Theme(e.getKey(), e.getValue())).toList();
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Themes.class.getResourceAsStream(
                "/dev/tandem/feedback/insights/stopwords.txt"), StandardCharsets.UTF_8))) {
            r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    private Themes() {
    }
}
