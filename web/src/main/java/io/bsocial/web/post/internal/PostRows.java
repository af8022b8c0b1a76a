package io.bsocial.web.post.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.UserView;
import io.bsocial.web.post.Post;

/** How a {@link Post} is read from {@code posts p JOIN users u}: the one mapping every post query uses. */
final class PostRows {

    /** The columns {@link #map} reads. */
    static final String COLUMNS = """
            p.id, p.content, p.created_at, p.edited_at, p.comment_count,
            u.id AS author_id, u.username AS author_username,
            u.first_name AS author_first_name, u.last_name AS author_last_name
            """;

    private PostRows() {
    }

    static Post map(ResultSet rs, int row) throws SQLException {
        UserView author = new UserView(rs.getLong("author_id"), rs.getString("author_username"),
                rs.getString("author_first_name"), rs.getString("author_last_name"));
        return new Post(rs.getLong("id"), author, rs.getString("content"), SqlTime.instant(rs, "created_at"),
                SqlTime.instantOrNull(rs, "edited_at"), rs.getInt("comment_count"));
    }
}
