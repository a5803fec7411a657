package dev.tandem.platform.text;

/**
 * The rule every text a client sends must pass, in one place (docs/api-conventions.md, "Text fields"): no control
 * characters — U+0000 (NUL, which PostgreSQL cannot store in text), the other C0 controls except tab, line feed and
 * carriage return, DEL (U+007F) and the C1 controls (U+0080–U+009F). Applied to every JSON string of a request body
 * ({@link SafeTextModule}), to the rows of the bulk import, and to headers the platform reads.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The index of the first character the rule refuses, or -1. Linear, no regular expression. */
    public static int firstControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f) {
                return i;
            }
        }
        return -1;
    }

    /** Why the text is refused, for a problem's field error; null when it passes. */
    public static String problem(CharSequence text) {
        int at = firstControlCharacter(text);
        return at < 0 ? null : String.format("must not contain control characters (U+%04X at position %d)",
                (int) text.charAt(at), at + 1);
    }
}
