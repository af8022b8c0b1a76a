package io.bsocial.notifier.notification.internal;

/** The start of a comment or post, short enough for a notification list. */
final class Excerpts {

    static final int MAX_CHARACTERS = 140;

    private Excerpts() {
    }

    static final int POST_CHARACTERS = 80;

    /** The post's first 80 characters (code points), as web's events carry them ({@code postExcerpt}). */
    static String ofPost(String content) {
        return content.codePoints().limit(POST_CHARACTERS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    static String of(String content) {
        String text = content.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS - 1)).stripTrailing() + "…";
    }
}
