package io.bsocial.notifier.notification.internal;

/** The start of a comment, short enough for a notification list. */
final class Excerpts {

    static final int MAX_CHARACTERS = 140;

    private Excerpts() {
    }

    static String of(String content) {
        String text = content.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS - 1)).stripTrailing() + "…";
    }
}
