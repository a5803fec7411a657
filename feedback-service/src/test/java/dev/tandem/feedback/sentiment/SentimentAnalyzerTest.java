package dev.tandem.feedback.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Sentences a person would label, and the rules behind the labels. */
class SentimentAnalyzerTest {

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // plainly positive / negative
            "I love the new dashboard, it is fantastic.|POSITIVE",
            "The export works great and saves us hours every week.|POSITIVE",
            "Support was helpful and resolved my issue quickly.|POSITIVE",
            "The app crashes every time I open a report.|NEGATIVE",
            "Checkout is slow and confusing, our customers are frustrated.|NEGATIVE",
            "This update is a disaster, nothing loads anymore.|NEGATIVE",
            // negation
            "The search is not good.|NEGATIVE",
            "I don't like the new navigation.|NEGATIVE",
            "The mobile app is never reliable.|NEGATIVE",
            "Not bad at all for a first release.|POSITIVE",
            "We had no problems with the migration.|POSITIVE",
            "The import doesn't work with large files.|NEGATIVE",
            // neutral
            "We use the export feature every Monday.|NEUTRAL",
            "Please add a field for the purchase order number.|NEUTRAL",
            "The report shows data for the last thirty days.|NEUTRAL",
            // mixed, 'but' shifts the weight to what follows
            "The design is nice but the app crashes constantly.|NEGATIVE",
            "It was slow at first, but now it is really fast and reliable.|POSITIVE",
            "Setup was a bit confusing, however the team was extremely helpful.|POSITIVE",
            // intensified
            "Extremely disappointed with the latest release!|NEGATIVE",
            "Absolutely brilliant work on the new editor.|POSITIVE",
    })
    void labelsSentencesAsAPersonWould(String sentence, SentimentLabel expected) {
        Sentiment s = analyzer.analyze(sentence);
        assertEquals(expected, s.label(), sentence + " scored " + s.score());
        assertTrue(s.score() >= -1 && s.score() <= 1, "score within -1..1: " + s.score());
    }

    @Test
    void intensifiersScaleAndDampen() {
        double plain = analyzer.analyze("The page is slow.").score();
        double very = analyzer.analyze("The page is very slow.").score();
        double extremely = analyzer.analyze("The page is extremely slow.").score();
        double slightly = analyzer.analyze("The page is slightly slow.").score();
        assertTrue(extremely < very && very < plain && plain < slightly && slightly < 0,
                "extremely " + extremely + " < very " + very + " < plain " + plain + " < slightly " + slightly + " < 0");
    }

    @Test
    void negationFlipsOnlyWithinItsWindowAndClause() {
        assertTrue(analyzer.analyze("not good").score() < 0);
        assertTrue(analyzer.analyze("good").score() > 0);
        // the negator is too far away (more than three words before) to affect "good"
        assertTrue(analyzer.analyze("I do not think that the colours are good").score() > 0);
        // a comma ends the negation's reach
        assertTrue(analyzer.analyze("Not sure, but it is good").score() > 0);
    }

    @Test
    void butMakesTheSecondClauseCountMore() {
        double aThenB = analyzer.analyze("The app is good but slow").score();
        double bThenA = analyzer.analyze("The app is slow but good").score();
        assertTrue(aThenB < 0 && bThenA > 0, aThenB + " / " + bThenA);
    }

    @Test
    void emptyAndUnknownTextIsNeutralZero() {
        assertEquals(new Sentiment(0.0, SentimentLabel.NEUTRAL), analyzer.analyze(""));
        assertEquals(new Sentiment(0.0, SentimentLabel.NEUTRAL), analyzer.analyze("   "));
        assertEquals(new Sentiment(0.0, SentimentLabel.NEUTRAL), analyzer.analyze("Quarterly invoice 4711"));
    }

    @Test
    void scoresStayWithinBoundsForLongTexts() {
        Sentiment s = analyzer.analyze("great ".repeat(500));
        assertTrue(s.score() <= 1 && s.score() > 0.99, String.valueOf(s.score()));
        Sentiment n = analyzer.analyze("terrible! ".repeat(500));
        assertTrue(n.score() >= -1 && n.score() < -0.99, String.valueOf(n.score()));
    }

    @Test
    void thresholdsDecideTheLabel() {
        assertEquals(SentimentLabel.POSITIVE, Sentiment.ofScore(0.1).label());
        assertEquals(SentimentLabel.NEUTRAL, Sentiment.ofScore(0.099).label());
        assertEquals(SentimentLabel.NEUTRAL, Sentiment.ofScore(-0.099).label());
        assertEquals(SentimentLabel.NEGATIVE, Sentiment.ofScore(-0.1).label());
    }

    @Test
    void theLexiconIsAResourceOfSeveralHundredWordsNamingItsSource() throws Exception {
        assertTrue(analyzer.lexiconSize() >= 300, "lexicon has " + analyzer.lexiconSize() + " words");
        String head = new String(getClass().getClassLoader()
                .getResourceAsStream("dev/tandem/feedback/sentiment/lexicon.txt").readNBytes(400), StandardCharsets.UTF_8);
        assertTrue(head.contains("written for Tandem") && head.contains("same licence as the project"), head);
    }

    @Test
    void aCustomLexiconIsReadFromItsSections() throws Exception {
        SentimentAnalyzer custom = SentimentAnalyzer.load(new ByteArrayInputStream("""
                # test
                [words]
                shiny 2
                [negators]
                nope
                [intensifiers]
                mega 2
                [contrast]
                but
                """.getBytes(StandardCharsets.UTF_8)));
        assertTrue(custom.analyze("shiny").score() > 0);
        assertTrue(custom.analyze("nope shiny").score() < 0);
        assertTrue(custom.analyze("mega shiny").score() > custom.analyze("shiny").score());
    }
}
