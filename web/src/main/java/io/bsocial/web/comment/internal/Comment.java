package io.bsocial.web.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.UserView;
import io.bsocial.web.paging.Cursor;

/**
 * A comment as the API answers it and pages show it, to one viewer: {@code editedAt} is null until
 * edited; {@code likedByMe} is that viewer's; {@code parentId} is the top-level comment a reply
 * belongs to (null for a top-level comment); {@code mentions} the accounts its text names.
 */
public record Comment(long id, long postId, UserView author, String content, Instant createdAt, Instant editedAt,
        int likeCount, boolean likedByMe, Long parentId, List<UserView> mentions) {

    public Comment {
        mentions = List.copyOf(mentions);
    }

    static final String COLUMNS = """
            c.id, c.post_id, c.content, c.created_at, c.edited_at, c.like_count, c.parent_id,
            EXISTS (SELECT 1 FROM comment_likes cl WHERE cl.comment_id = c.id AND cl.user_id = :viewer) AS liked_by_me,
            """ + UserView.columns("u", "author_") + "\n";

    /** Whether {@code userId} wrote it: only the author edits or deletes. */
    public boolean isBy(long userId) {
        return author.id() == userId;
    }

    /** The top-level comment of its thread: itself, or the one a reply belongs to. */
    public long threadId() {
        return parentId == null ? id : parentId;
    }

    @JsonIgnore // parentId says it in JSON
    public boolean isReply() {
        return parentId != null;
    }

    Comment withMentions(List<UserView> accounts) {
        return new Comment(id, postId, author, content, createdAt, editedAt, likeCount, likedByMe, parentId, accounts);
    }

    public Cursor position() {
        return new Cursor(createdAt, id);
    }

    private static Long parentId(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        return rs.wasNull() ? null : parent;
    }

    static Comment map(ResultSet rs, int row) throws SQLException {
        UserView author = UserView.read(rs, "author_");
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), author, rs.getString("content"),
                SqlTime.instant(rs, "created_at"), SqlTime.instantOrNull(rs, "edited_at"), rs.getInt("like_count"),
                rs.getBoolean("liked_by_me"), parentId(rs), List.of());
    }
}
