package io.bsocial.web.support;

/**
 * Rules for text that people type, shared by the API and the pages so both say the same thing.
 *
 * <ul>
 * <li>Blank means made only of white space and <em>invisible</em> characters (zero-width spaces,
 * joiners, word joiner, BOM, soft hyphen, fillers, variation selectors, tags: Unicode's
 * default-ignorable code points): a post of one U+200B shows nothing, so it is blank. So are
 * characters that show nothing on their own: the braille blank U+2800, and combining marks, which
 * belong to the character before them (U+0301 alone is an accent on nothing).</li>
 * <li>No text may hold a control character (NUL would also break PostgreSQL writes) or a lone
 * surrogate (it has no UTF-8 form, so it cannot be stored, hashed or sent as it was typed);
 * multi-line text (posts, comments) keeps tab, CR and LF.</li>
 * <li>Names also refuse the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * would let a name reorder the text shown around it.</li>
 * </ul>
 *
 * Characters are counted as Unicode code points, so an emoji counts once. Text is otherwise kept
 * exactly as typed; pages escape it when they show it.
 */
public final class TextInput {

    /** Which characters a kind of text may hold. */
    public enum Kind {
        /** Posts and comments: tab, CR and LF are allowed, bidi controls too (right-to-left writing). */
        MULTI_LINE,
        /** One line that is looked up or hashed, never shown (a login, a password, a search). */
        SINGLE_LINE,
        /** Shown to other people next to other text: first and last names, e-mail addresses. */
        NAME
    }

    /** Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt), inclusive. */
    private static final int[][] DEFAULT_IGNORABLE = {
            {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
            {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
            {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
            {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

    /** U+2800 BRAILLE PATTERN BLANK: a symbol (So), neither space nor ignorable, that shows as nothing. */
    private static final int BRAILLE_BLANK = 0x2800;

    private TextInput() {
    }

    /**
     * The stripped text of a post or comment, or an {@link InvalidInputException} naming the field:
     * blank, a character it may not hold, or more than {@code maxCharacters}.
     */
    public static String require(String text, String field, String label, int maxCharacters) {
        String stripped = text == null ? "" : text.strip();
        if (isBlank(stripped)) {
            throw new InvalidInputException(field, label + " must not be blank.");
        }
        if (!isAllowed(stripped, Kind.MULTI_LINE)) {
            throw new InvalidInputException(field,
                    label + " must not contain control characters (other than tabs and line breaks).");
        }
        if (stripped.codePointCount(0, stripped.length()) > maxCharacters) {
            throw new InvalidInputException(field,
                    label + " must be at most " + String.format("%,d", maxCharacters) + " characters.");
        }
        return stripped;
    }

    /** Null, empty, or nothing but white space, invisible characters and combining marks. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(TextInput::showsNothingAlone);
    }

    /** Whether every character of {@code text} may appear in text of this kind (null is allowed: absence is another rule). */
    public static boolean isAllowed(String text, Kind kind) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || isControl(c, kind) || kind == Kind.NAME && isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Every surrogate is half of a pair: the text has a UTF-8 form (and can be hashed as typed). */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c, Kind kind) {
        if (kind == Kind.MULTI_LINE && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        // C0, DEL and C1; in single-line text also the line and paragraph separators.
        return Character.getType(c) == Character.CONTROL
                || kind != Kind.MULTI_LINE && (c == '\u2028' || c == '\u2029');
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /**
     * White space (every Unicode space, U+2000–U+200A, U+205F and U+3000 among them), a
     * default-ignorable code point (the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0 among
     * them), the braille blank U+2800, or a combining mark (non-spacing, spacing or enclosing).
     */
    private static boolean showsNothingAlone(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == BRAILLE_BLANK) {
            return true;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return true;
        }
        for (int[] range : DEFAULT_IGNORABLE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
