package io.bsocial.web.reading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.UserView;

/**
 * The {@code @username}s a text names: an {@code @} that is not inside a word or an e-mail address
 * ({@code ada@example.com} mentions nobody), followed by what a username may hold (3 to 30 of
 * {@code A-Z a-z 0-9 _ .}). A dot that ends the sentence is not part of the name ({@code "thanks @bob."}).
 * Whether a name is someone's account is for the caller to find out.
 */
public final class MentionNames {

    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_.@+\\-])@([A-Za-z0-9_.]{3,30})(?![A-Za-z0-9_@])");

    private MentionNames() {
    }

    /** The names, each once (compared without case), in order of first appearance, as typed. */
    public static List<String> in(String text) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Match match : matches(text)) {
            names.putIfAbsent(match.name().toLowerCase(Locale.ROOT), match.name());
        }
        return List.copyOf(names.values());
    }

    /** These accounts in the order the text first names them (those it does not name go last). */
    public static List<UserView> ordered(String text, Collection<UserView> accounts) {
        List<String> keys = in(text).stream().map(AccountKey::of).toList();
        return accounts.stream().sorted(Comparator.comparingInt(user -> {
            int at = keys.indexOf(AccountKey.of(user.username()));
            return at < 0 ? Integer.MAX_VALUE : at;
        })).toList();
    }

    /** A name where it stands in the text, the {@code @} included. */
    record Match(int start, int end, String name) {
    }

    static List<Match> matches(String text) {
        List<Match> found = new ArrayList<>();
        if (text == null || text.indexOf('@') < 0) {
            return found;
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            int end = matcher.end();
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
                end--;
            }
            if (name.length() >= 3) {
                found.add(new Match(matcher.start(), end, name));
            }
        }
        return found;
    }
}
