package dev.tandem.feedback.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon-based sentiment of a text, pure and thread-safe.
 *
 * <p>Every word found in the lexicon contributes its weight (−3…+3), adjusted by its context:
 * <ul>
 *   <li><b>negation</b>: a negator ("not", "never", "don't", …) up to {@value #NEGATION_WINDOW} words before it, in
 *       the same clause, flips its sign and dampens it by {@value #NEGATION_FACTOR} ("not good" is negative, "not
 *       bad" mildly positive);</li>
 *   <li><b>intensifiers</b> up to {@value #INTENSIFIER_WINDOW} words before it scale it by their factor ("very" 1.5,
 *       "extremely" 2, "slightly" 0.5, …);</li>
 *   <li><b>contrast</b>: after "but", "however", … in a sentence, what came before in that sentence counts
 *       {@value #BEFORE_CONTRAST} and what follows {@value #AFTER_CONTRAST} ("nice UI but it crashes" is negative).</li>
 * </ul>
 * The sum s is squashed into −1…1 as s / √(s² + {@value #ALPHA}), rounded to three decimals; the label is positive
 * from +0.1, negative from −0.1, neutral in between.
 */
public final class SentimentAnalyzer {

    static final int NEGATION_WINDOW = 3;
    static final double NEGATION_FACTOR = 0.75;
    static final int INTENSIFIER_WINDOW = 2;
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    static final double ALPHA = 15;

    private static final String RESOURCE = "dev/tandem/feedback/sentiment/lexicon.txt";
    private static final Pattern TOKEN = Pattern.compile("[a-z]+(?:['-][a-z]+)*|[.!?;:,]");
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", ";", ":");

    private static volatile SentimentAnalyzer standard;

    private final Map<String, Double> words;
    private final Set<String> negators;
    private final Map<String, Double> intensifiers;
    private final Set<String> contrast;

    private SentimentAnalyzer(Map<String, Double> words, Set<String> negators, Map<String, Double> intensifiers,
                              Set<String> contrast) {
        this.words = Map.copyOf(words);
        this.negators = Set.copyOf(negators);
        this.intensifiers = Map.copyOf(intensifiers);
        this.contrast = Set.copyOf(contrast);
    }

    /** The analyzer with Tandem's lexicon (the classpath resource {@value #RESOURCE}). */
    public static SentimentAnalyzer standard() {
        SentimentAnalyzer s = standard;
        if (s == null) {
            try (InputStream in = SentimentAnalyzer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                s = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = s;
        }
        return s;
    }

    /** Reads a lexicon in the format described in the header of {@value #RESOURCE}. */
    public static SentimentAnalyzer load(InputStream in) throws IOException {
        Map<String, Double> words = new HashMap<>();
        Set<String> negators = new HashSet<>();
        Map<String, Double> intensifiers = new HashMap<>();
        Set<String> contrast = new HashSet<>();
        String section = "";
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            String[] parts = line.split("\\s+");
            String word = parts[0].toLowerCase(Locale.ROOT);
            switch (section) {
                case "[words]" -> words.put(word, Double.parseDouble(parts[1]));
                case "[negators]" -> negators.add(word);
                case "[intensifiers]" -> intensifiers.put(word, Double.parseDouble(parts[1]));
                case "[contrast]" -> contrast.add(word);
                default -> throw new IOException("line " + n + " is outside a section: " + line);
            }
        }
        return new SentimentAnalyzer(words, negators, intensifiers, contrast);
    }

    public int lexiconSize() {
        return words.size();
    }

    public Sentiment analyze(String text) {
        if (text == null || text.isBlank()) {
            return Sentiment.ofScore(0);
        }
        List<String> tokens = tokens(text);
        double total = 0;
        List<Double> sentence = new ArrayList<>();   // contributions of the current sentence
        double clauseFactor = 1;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (SENTENCE_END.contains(t)) {
                total += sum(sentence);
                sentence.clear();
                clauseFactor = 1;
                continue;
            }
            if (contrast.contains(t)) {
                sentence.replaceAll(v -> v * BEFORE_CONTRAST);
                clauseFactor = AFTER_CONTRAST;
                continue;
            }
            Double weight = words.get(t);
            if (weight == null) {
                continue;
            }
            double value = weight * intensity(tokens, i);
            if (negated(tokens, i)) {
                value = -value * NEGATION_FACTOR;
            }
            sentence.add(value * clauseFactor);
        }
        total += sum(sentence);
        return Sentiment.ofScore(total / Math.sqrt(total * total + ALPHA));
    }

    private double intensity(List<String> tokens, int i) {
        for (int j = i - 1; j >= Math.max(0, i - INTENSIFIER_WINDOW); j--) {
            String t = tokens.get(j);
            if (isBoundary(t) || words.containsKey(t)) {
                break;
            }
            Double factor = intensifiers.get(t);
            if (factor != null) {
                return factor;
            }
        }
        return 1;
    }

    private boolean negated(List<String> tokens, int i) {
        for (int j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
            String t = tokens.get(j);
            if (isBoundary(t)) {
                return false;
            }
            if (negators.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private boolean isBoundary(String t) {
        return SENTENCE_END.contains(t) || ",".equals(t) || contrast.contains(t);
    }

    private static double sum(List<Double> values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    static List<String> tokens(String text) {
        String normalised = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Matcher m = TOKEN.matcher(normalised);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
