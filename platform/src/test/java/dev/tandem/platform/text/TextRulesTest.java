package dev.tandem.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void controlCharactersAreFoundButTabsAndLineBreaksAreText() {
        assertEquals(-1, TextRules.firstControlCharacter("Line one\r\n\tLine two, ünïcödé €"));
        assertEquals(3, TextRules.firstControlCharacter("abc\u0000"));
        assertEquals(0, TextRules.firstControlCharacter("\u007f"));
        assertEquals(1, TextRules.firstControlCharacter("a\u0085"));
        assertEquals("must not contain control characters (U+001B at position 1)", TextRules.problem("\u001b[31m"));
        assertNull(TextRules.problem("fine"));
    }

    @Test
    void eMailAddressesAreCheckedWithoutARegularExpression() {
        for (String ok : new String[] {"buyer@acme.example", "a.b+c@sub.acme-corp.io", "x@y.zz"}) {
            assertTrue(EmailAddress.Validator.isEmailAddress(ok), ok);
        }
        for (String bad : new String[] {"", "buyer", "buyer@", "@acme.example", "buyer@acme", "a@b@c.de",
                "buyer@acme..example", "buyer@-acme.example", "bu yer@acme.example", "buyer@acme.example\u0000",
                "x".repeat(65) + "@acme.example", "a@" + "b".repeat(250) + ".de"}) {
            assertFalse(EmailAddress.Validator.isEmailAddress(bad), bad);
        }
        // the value that made the old pattern (.+@.+\..+) backtrack for seconds: refused by its length at once
        assertFalse(EmailAddress.Validator.isEmailAddress("@".repeat(40_000)));
        assertFalse(EmailAddress.Validator.isEmailAddress("a@" + "b.".repeat(120)));
    }
}
