package dev.tandem.feedback.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Themes: frequent terms, one count per text, stop-words and short words left out. */
class ThemesTest {

    @Test
    void theMostUsedTermsComeFirstCountedOncePerText() {
        List<Themes.Theme> themes = Themes.of(List.of(
                "The export is slow, export export!",
                "Export to CSV is broken",
                "Dark mode please",
                "Slow dashboard and slow export"), 3);
        assertEquals(List.of(new Themes.Theme("export", 3), new Themes.Theme("slow", 2),
                new Themes.Theme("broken", 1)), themes);
    }

    @Test
    void stopWordsAndShortWordsAreNoThemes() {
        assertTrue(Themes.isStopWord("the"));
        assertTrue(Themes.isStopWord("please"));
        assertEquals(List.of(), Themes.of(List.of("It is what it is, and so on", "ok ui"), 5));
    }
}
