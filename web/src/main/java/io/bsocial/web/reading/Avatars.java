package io.bsocial.web.reading;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A person's avatar: their initials on a colour taken from their user id, as {@code ${@avatars...}}
 * in templates. The bell draws the same avatar in the browser (static/js/avatars.js) from the
 * notifier's JSON: both map an id to one of {@link #PALETTE_SIZE} CSS classes
 * ({@code avatar-colour-0…}, static/css/bsocial.css) by the same rule, so a person looks the same
 * everywhere. A class, not a style attribute: the Content-Security-Policy allows no inline styles.
 */
@Component("avatars")
public class Avatars {

    /** How many colours static/css/bsocial.css defines; avatars.js says the same. */
    public static final int PALETTE_SIZE = 12;

    /** The colour's CSS class: the id modulo the palette's size (ids are positive, floorMod anyway). */
    public String colour(long userId) {
        return "avatar-colour-" + Math.floorMod(userId, PALETTE_SIZE);
    }

    /** "AL" for Ada Lovelace: the first character (code point) of each name, upper case. */
    public String initials(String firstName, String lastName) {
        return first(firstName) + first(lastName);
    }

    private static String first(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        return new String(Character.toChars(trimmed.codePointAt(0))).toUpperCase(Locale.ROOT);
    }
}
