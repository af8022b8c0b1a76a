package io.bsocial.web.account;

import java.text.Normalizer;
import java.util.Locale;

import io.bsocial.web.support.TextInput;

/**
 * The form in which usernames, e-mail addresses and names are compared: compatibility-normalised
 * (NFKC, so a full-width {@code ａ} is an {@code a} and a ligature its letters) and lower case.
 * Without it, {@code ａlice@example.com} would open a second account for the same mailbox. The
 * {@code *_key} columns hold this form; the values themselves are kept as typed.
 */
public final class AccountKey {

    private AccountKey() {
    }

    public static String of(String value) {
        // Lower-casing can leave text that is not NFKC again (and NFKC can make capitals): fold twice.
        String folded = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    /**
     * Whether a key can name an account at all. Keys holding control characters (NUL cannot even be
     * sent to PostgreSQL) or lone surrogates are answered "no such account" without a query.
     */
    public static boolean canMatch(String key) {
        return TextInput.isAllowed(key, TextInput.Kind.SINGLE_LINE);
    }
}
