package io.bsocial.web.reading;

import org.springframework.stereotype.Component;

/**
 * A post's opening words, to name it where the whole text does not fit: the post page's title and
 * the Insights page. As {@code ${@excerpts.opening(text)}} in templates.
 */
@Component("excerpts")
public class Excerpts {

    /** Long enough to recognise a post, short enough for a browser tab. */
    public static final int TITLE_LENGTH = 60;

    public String opening(String text) {
        return opening(text, TITLE_LENGTH);
    }

    /**
     * The text on one line (runs of white space become one space), cut to at most {@code max} code
     * points at a word boundary when there is one, with "…" when something was left out.
     */
    public static String opening(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, max - 1));
        boolean wholeWord = line.charAt(cut.length()) == ' ';
        int space = cut.lastIndexOf(' ');
        // Back off to the last whole word, unless that would throw away most of the opening.
        if (!wholeWord && space > cut.length() / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s\\p{Punct}&&[^)\\]\"'?!]]+$", "") + "…";
    }
}
