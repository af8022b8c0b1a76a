package io.bsocial.web.reading;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Makes the web addresses in a post or comment clickable without ever writing user text as HTML:
 * the text is split into plain parts and link parts here, and the template renders each with
 * {@code th:text} / {@code th:href} (fragments/text.html), so Thymeleaf escapes every character.
 * Only {@code http} and {@code https} addresses with a host become links.
 */
@Component("links")
public class Links {

    /** A piece of the text; {@code href} is null for plain text. */
    public record Part(String text, String href) {

        static Part plain(String text) {
            return new Part(text, null);
        }
    }

    // Stops at white space, quotes and angle brackets: none of them belongs to an address typed in text.
    // Stops at bidi controls too (embeddings, overrides, isolates, and the LRM, RLM and ALM marks):
    // inside a link they would reorder what the reader sees of the address ("…/" U+202E "gpj.exe" shows
    // as "…/exe.jpg"), and a browser sends them percent-encoded anyway.
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)\\bhttps?://[^\\s<>\"'`\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]+");
    // Punctuation that ends a sentence rather than the address: "see https://x.org." links https://x.org.
    private static final String TRAILING = ".,;:!?*_~";

    public List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        Matcher matcher = ADDRESS.matcher(text);
        int done = 0;
        while (matcher.find()) {
            String address = trim(matcher.group());
            if (!linkable(address)) {
                continue;
            }
            if (matcher.start() > done) {
                parts.add(Part.plain(text.substring(done, matcher.start())));
            }
            parts.add(new Part(address, address));
            done = matcher.start() + address.length();
        }
        if (done < text.length()) {
            parts.add(Part.plain(text.substring(done)));
        }
        return parts;
    }

    /** Drops trailing punctuation, and a closing bracket that has no opening one inside the address. */
    static String trim(String address) {
        String trimmed = address;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            if (TRAILING.indexOf(last) >= 0 || unbalanced(trimmed, last)) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            } else {
                break;
            }
        }
        return trimmed;
    }

    private static boolean unbalanced(String address, char last) {
        char open = switch (last) {
            case ')' -> '(';
            case ']' -> '[';
            case '}' -> '{';
            default -> 0;
        };
        return open != 0 && count(address, open) < count(address, last);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** A real http(s) address with a host; anything the URI parser refuses stays text. */
    static boolean linkable(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }
}
