package io.bsocial.web.reading;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.UserView;

/**
 * Makes the web addresses, hashtags and mentions in a post or comment clickable without ever
 * writing user text as HTML: the text is split into plain parts and link parts here, and the
 * template renders each with {@code th:text} / {@code th:href} (fragments/text.html), so Thymeleaf
 * escapes every character. Only {@code http} and {@code https} addresses with a host become
 * links; a {@code #tag} links to its page, an {@code @username} to the profile only when the item
 * names that account among its mentions (a name that is nobody's stays text). A {@code #} or
 * {@code @} inside an address belongs to the address.
 */
@Component("links")
public class Links {

    /** A piece of the text; {@code href} is null for plain text; {@code kind} is url, tag or mention. */
    public record Part(String text, String href, String kind) {

        static Part plain(String text) {
            return new Part(text, null, null);
        }

        public boolean external() {
            return "url".equals(kind);
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

    /** The text's parts, its addresses and tags as links (no mention is linked). */
    public List<Part> parts(String text) {
        return parts(text, List.of());
    }

    /** The text's parts: addresses, tags, and the mentions of these accounts as links. */
    public List<Part> parts(String text, Collection<UserView> mentions) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        int done = 0;
        for (Link link : links(text, mentions == null ? List.of() : mentions)) {
            if (link.start() < done) {
                continue; // inside an address already linked
            }
            if (link.start() > done) {
                parts.add(Part.plain(text.substring(done, link.start())));
            }
            parts.add(new Part(text.substring(link.start(), link.end()), link.href(), link.kind()));
            done = link.end();
        }
        if (done < text.length()) {
            parts.add(Part.plain(text.substring(done)));
        }
        return parts;
    }

    private record Link(int start, int end, String href, String kind) {
    }

    /** Every link of the text by where it starts; at one start an address wins. */
    private static List<Link> links(String text, Collection<UserView> mentions) {
        List<Link> links = new ArrayList<>();
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            String address = trim(matcher.group());
            if (linkable(address)) {
                links.add(new Link(matcher.start(), matcher.start() + address.length(), address, "url"));
            }
        }
        for (Hashtags.Match tag : Hashtags.matches(text)) {
            links.add(new Link(tag.start(), tag.end(), "/tags/" + UriUtils.encodePathSegment(tag.tag(), StandardCharsets.UTF_8),
                    "tag"));
        }
        if (!mentions.isEmpty()) {
            Map<String, UserView> byKey = new HashMap<>();
            mentions.forEach(user -> byKey.put(AccountKey.of(user.username()), user));
            for (MentionNames.Match mention : MentionNames.matches(text)) {
                UserView user = byKey.get(AccountKey.of(mention.name()));
                if (user != null) {
                    links.add(new Link(mention.start(), mention.end(),
                            "/users/" + UriUtils.encodePathSegment(user.username(), StandardCharsets.UTF_8), "mention"));
                }
            }
        }
        links.sort(Comparator.comparingInt(Link::start).thenComparing(link -> !"url".equals(link.kind())));
        return links;
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
