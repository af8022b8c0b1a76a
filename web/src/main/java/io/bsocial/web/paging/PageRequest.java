package io.bsocial.web.paging;

import io.bsocial.web.support.InvalidInputException;

/** {@code limit} and {@code cursor} query parameters, checked: limit 1 to 100 (20 by default). */
public record PageRequest(int limit, Cursor cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Parses the raw parameters; {@code start} is where paging begins when there is no cursor. */
    public static PageRequest of(String limit, String cursor, Cursor start) {
        return new PageRequest(limit(limit), cursor == null || cursor.isBlank() ? start : Cursor.decode(cursor));
    }

    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like any out-of-range value
        }
        throw new InvalidInputException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /** How many rows to fetch: one more than shown tells whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
