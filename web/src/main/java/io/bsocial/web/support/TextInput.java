package io.bsocial.web.support;

/**
 * Rules for user-written text (posts, comments): required, at most so many characters once the
 * surrounding blank space is stripped. Characters are Unicode code points, so an emoji counts once.
 * The text is otherwise kept exactly as typed; pages escape it when they show it.
 */
public final class TextInput {

    private TextInput() {
    }

    public static String require(String text, String field, String label, int maxCharacters) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(field, label + " must not be blank.");
        }
        if (stripped.codePointCount(0, stripped.length()) > maxCharacters) {
            throw new InvalidInputException(field,
                    label + " must be at most " + String.format("%,d", maxCharacters) + " characters.");
        }
        return stripped;
    }
}
