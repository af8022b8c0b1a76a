package io.bsocial.web.post.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.UserView;
import io.bsocial.web.post.Post;
import io.bsocial.web.reading.Hashtags;

/**
 * How a {@link Post} is read from {@code posts p JOIN users u}: the one mapping every post query
 * uses. Every such query binds {@code :viewer}, whose like it reads (one probe of post_likes' key).
 */
final class PostRows {

    /** The columns {@link #map} reads. */
    static final String COLUMNS = """
            p.id, p.content, p.created_at, p.edited_at, p.comment_count, p.like_count,
            EXISTS (SELECT 1 FROM post_likes pl WHERE pl.post_id = p.id AND pl.user_id = :viewer) AS liked_by_me,
            """ + UserView.columns("u", "author_") + "\n";

    private PostRows() {
    }

    static Post map(ResultSet rs, int row) throws SQLException {
        UserView author = UserView.read(rs, "author_");
        return new Post(rs.getLong("id"), author, rs.getString("content"), SqlTime.instant(rs, "created_at"),
                SqlTime.instantOrNull(rs, "edited_at"), rs.getInt("comment_count"), rs.getInt("like_count"),
                rs.getBoolean("liked_by_me"), Hashtags.in(rs.getString("content")), List.of());
    }
}
