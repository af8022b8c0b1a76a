package io.bsocial.web.export.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.paging.Cursor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one account's export as it reads it: every list is read {@value #PAGE} rows at a time by
 * keyset and written out before the next page is read, so a large account never sits in memory
 * whole, and no transaction or connection is held while the client reads. (The pages are read one
 * after another, so something changed during the export may show in one list and not another.)
 */
@Component
class AccountExport {

    /** The document's shape, for a reader that wants to know which one it holds. */
    static final String FORMAT = "bsocial-export/1";
    static final int PAGE = 500;

    private final ExportRows rows;
    private final JsonMapper json;
    private final Clock clock;
    private final int pageSize;

    @org.springframework.beans.factory.annotation.Autowired
    AccountExport(ExportRows rows, JsonMapper json, Clock clock) {
        this(rows, json, clock, PAGE);
    }

    /** With pages of another size: tests page through a few rows. */
    AccountExport(ExportRows rows, JsonMapper json, Clock clock, int pageSize) {
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    void write(AccountView account, OutputStream out) {
        long id = account.id();
        try (JsonGenerator document = json.createGenerator(out)) {
            document.writeStartObject();
            document.writeStringProperty("format", FORMAT);
            document.writeName("exportedAt");
            document.writePOJO(SqlTime.now(clock));
            document.writeName("profile");
            document.writePOJO(account);
            list(document, "posts", Cursor.NEWEST, (after, n) -> rows.posts(id, after, n),
                    post -> new Cursor(post.createdAt(), post.id()));
            list(document, "comments", 0L, (after, n) -> rows.comments(id, after, n), ExportRows.ExportedComment::id);
            document.writeName("likes");
            document.writeStartObject();
            list(document, "posts", 0L, (after, n) -> rows.likedPosts(id, after, n), ExportRows.LikedPost::postId);
            list(document, "comments", 0L, (after, n) -> rows.likedComments(id, after, n),
                    ExportRows.LikedComment::commentId);
            document.writeEndObject();
            list(document, "follows", 0L, (after, n) -> rows.following(id, after, n), ExportRows.Followship::id);
            list(document, "followers", 0L, (after, n) -> rows.followers(id, after, n), ExportRows.Followship::id);
            list(document, "blocks", 0L, (after, n) -> rows.blocked(id, after, n), ExportRows.Followship::id);
            list(document, "mutes", 0L, (after, n) -> rows.muted(id, after, n), ExportRows.Followship::id);
            document.writeEndObject();
        }
    }

    /** A named array, filled page by page until a page comes back short. */
    private <T, K> void list(JsonGenerator document, String name, K start, BiFunction<K, Integer, List<T>> page,
            Function<T, K> keyOf) {
        document.writeName(name);
        document.writeStartArray();
        K after = start;
        List<T> read;
        do {
            read = page.apply(after, pageSize);
            for (T item : read) {
                document.writePOJO(item);
            }
            if (!read.isEmpty()) {
                after = keyOf.apply(read.get(read.size() - 1));
            }
            document.flush();
        } while (read.size() == pageSize);
        document.writeEndArray();
    }
}
