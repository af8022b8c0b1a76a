package io.bsocial.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of items and the cursor of the next page, {@code null} on the last one. */
public record CursorPage<T>(List<T> items, String nextCursor) {

    /** Builds a page from up to {@code request.fetchSize()} rows fetched in order. */
    public static <T> CursorPage<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> position) {
        if (fetched.size() <= request.limit()) {
            return new CursorPage<>(List.copyOf(fetched), null);
        }
        List<T> shown = List.copyOf(fetched.subList(0, request.limit()));
        return new CursorPage<>(shown, position.apply(shown.get(shown.size() - 1)).encode());
    }
}
