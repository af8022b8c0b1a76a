package io.bsocial.web.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.UserView;
import io.bsocial.web.paging.Cursor;

/** A post as the API answers it and pages show it; {@code editedAt} is null until edited. */
public record Post(long id, UserView author, String content, Instant createdAt, Instant editedAt, int commentCount) {

    /** The columns {@link #map} reads, for a query over {@code posts p JOIN users u}. */
    public static final String COLUMNS = """
            p.id, p.content, p.created_at, p.edited_at, p.comment_count,
            u.id AS author_id, u.username AS author_username,
            u.first_name AS author_first_name, u.last_name AS author_last_name
            """;

    /** Whether {@code userId} wrote it: only the author edits or deletes. */
    public boolean isBy(long userId) {
        return author.id() == userId;
    }

    public Cursor position() {
        return new Cursor(createdAt, id);
    }

    public static Post map(ResultSet rs, int row) throws SQLException {
        UserView author = new UserView(rs.getLong("author_id"), rs.getString("author_username"),
                rs.getString("author_first_name"), rs.getString("author_last_name"));
        return new Post(rs.getLong("id"), author, rs.getString("content"), SqlTime.instant(rs, "created_at"),
                SqlTime.instantOrNull(rs, "edited_at"), rs.getInt("comment_count"));
    }
}
