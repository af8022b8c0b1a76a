package io.bsocial.web.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.UserView;
import io.bsocial.web.paging.Cursor;

/** A comment as the API answers it and pages show it; {@code editedAt} is null until edited. */
public record Comment(long id, long postId, UserView author, String content, Instant createdAt, Instant editedAt) {

    static final String COLUMNS = """
            c.id, c.post_id, c.content, c.created_at, c.edited_at,
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

    static Comment map(ResultSet rs, int row) throws SQLException {
        UserView author = new UserView(rs.getLong("author_id"), rs.getString("author_username"),
                rs.getString("author_first_name"), rs.getString("author_last_name"));
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), author, rs.getString("content"),
                SqlTime.instant(rs, "created_at"), SqlTime.instantOrNull(rs, "edited_at"));
    }
}
