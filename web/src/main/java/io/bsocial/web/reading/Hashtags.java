package io.bsocial.web.reading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hashtags of a text, as the contract defines them: {@code #}, a letter, then letters, digits
 * or {@code _} in any script, at most 50 in all, not right after a letter, a digit or {@code &}
 * (so {@code C#}, {@code a#b} and {@code &#38;} are not tags). Tags are compared after NFKC and
 * lower-casing: {@code #Java}, {@code #JAVA} and a full-width {@code #Ｊａｖａ} are one tag.
 */
public final class Hashtags {

    public static final int MAX_LENGTH = 50;

    // Combining marks count as part of a letter: many scripts cannot write a word without them.
    private static final String WORD = "[\\p{L}\\p{M}\\p{N}_]";
    static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}&])#(\\p{L}" + WORD + "*)");
    private static final Pattern WHOLE_TAG = Pattern.compile("\\p{L}" + WORD + "*");

    private Hashtags() {
    }

    /** The text's tags, normalised, each once, in order of first appearance. */
    public static List<String> in(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (Match match : matches(text)) {
            tags.add(match.tag());
        }
        return List.copyOf(tags);
    }

    /** A tag as the text shows it, where it stands, and its normalised form. */
    record Match(int start, int end, String tag) {
    }

    static List<Match> matches(String text) {
        List<Match> found = new ArrayList<>();
        if (text == null || text.indexOf('#') < 0) {
            return found;
        }
        Matcher matcher = TAG.matcher(text);
        while (matcher.find()) {
            String word = matcher.group(1);
            // A longer run is not a tag at all, rather than a tag cut somewhere in the middle of a word.
            if (word.codePointCount(0, word.length()) <= MAX_LENGTH) {
                found.add(new Match(matcher.start(), matcher.end(), normalise(word)));
            }
        }
        return found;
    }

    /**
     * A tag as a URL names it ({@code /tags/Java}, with or without its {@code #}), normalised; empty
     * when it is not a tag the contract allows.
     */
    public static Optional<String> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String word = tag.startsWith("#") ? tag.substring(1) : tag;
        if (!WHOLE_TAG.matcher(word).matches() || word.codePointCount(0, word.length()) > MAX_LENGTH) {
            return Optional.empty();
        }
        String normalised = normalise(word);
        return WHOLE_TAG.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    static String normalise(String word) {
        String folded = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }
}
