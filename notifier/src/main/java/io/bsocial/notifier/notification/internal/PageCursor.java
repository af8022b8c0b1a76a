package io.bsocial.notifier.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of the notifications list starts: below the id of the last one shown.
 * Clients get it as an opaque string (the web's cursors are too), so its form may change.
 */
final class PageCursor {

    private static final String VERSION = "n1:";

    private PageCursor() {
    }

    static String encode(long lastShownId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastShownId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id the next page must stay below; {@link Long#MAX_VALUE} for the first page. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (plain.startsWith(VERSION)) {
                long id = Long.parseLong(plain.substring(VERSION.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // answered below, like any cursor we did not write
        }
        throw new InvalidRequestException("cursor", "The cursor is not valid: use the nextCursor of a previous page.");
    }
}
