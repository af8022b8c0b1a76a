package io.bsocial.web.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import io.bsocial.web.support.InvalidInputException;

/**
 * A position in a list ordered by (createdAt, id): the last item a page showed. Clients get it
 * as an opaque string; keyset paging from it never repeats or skips an item, whatever is
 * inserted meanwhile.
 */
public record Cursor(Instant createdAt, long id) {

    private static final String VERSION = "1";

    /** Before every item of a newest-first list. */
    public static final Cursor NEWEST = new Cursor(Instant.parse("9999-12-31T23:59:59.999999Z"), Long.MAX_VALUE);

    /** Before every item of an oldest-first list. */
    public static final Cursor OLDEST = new Cursor(Instant.parse("0001-01-01T00:00:00Z"), Long.MIN_VALUE);

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Cursor(createdAt, Long.parseLong(parts[2]));
        } catch (RuntimeException malformed) {
            throw new InvalidInputException("cursor", "The cursor is not valid: use the nextCursor of a previous page.");
        }
    }
}
