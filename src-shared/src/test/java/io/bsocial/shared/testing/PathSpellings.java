package io.bsocial.shared.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ways a client can spell one path so that a router which decodes and normalises it may still
 * reach the same handler, while a rule comparing strings would not recognise it: each letter
 * percent-encoded in turn (upper- and lower-case hex), the whole path and each segment in upper
 * case, a trailing slash, a {@code ;x=1} parameter on each segment, a doubled slash, {@code /./}
 * and {@code /x/../} before each segment. The path as given comes first.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    public static List<String> of(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/': " + path);
        }
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(path);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                String hex = String.format("%02x", (int) c);
                spellings.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
                spellings.add(path.substring(0, i) + "%" + hex.toUpperCase(Locale.ROOT) + path.substring(i + 1));
            }
        }
        spellings.add(path.toUpperCase(Locale.ROOT));
        spellings.add(path + "/");
        spellings.add(path + ";x=1");
        spellings.add(path + "//");
        List<Integer> slashes = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        for (int slash : slashes) {
            String before = path.substring(0, slash);
            String rest = path.substring(slash); // "/segment…"
            int next = rest.indexOf('/', 1);
            String segment = next < 0 ? rest : rest.substring(0, next);
            String after = next < 0 ? "" : rest.substring(next);
            spellings.add(before + "/" + rest);                                   // a doubled slash
            spellings.add(before + "/." + rest);                                  // /./segment
            spellings.add(before + "/x/.." + rest);                               // /x/../segment
            spellings.add(before + "/%2e" + rest);                                // an encoded dot segment
            spellings.add(before + segment.toUpperCase(Locale.ROOT) + after);     // one segment in capitals
            if (segment.length() > 1) {
                spellings.add(before + segment + ";x=1" + after);                 // a matrix parameter
            }
        }
        return List.copyOf(spellings);
    }
}
