package io.bsocial.web.post;

import java.time.Instant;
import java.util.List;

import io.bsocial.web.account.UserView;
import io.bsocial.web.paging.Cursor;

/**
 * A post as the API answers it and pages show it, to one viewer: {@code editedAt} is null until
 * edited; {@code likedByMe} is that viewer's; {@code tags} its hashtags, normalised, and
 * {@code mentions} the accounts it names, as its text now stands.
 */
public record Post(long id, UserView author, String content, Instant createdAt, Instant editedAt, int commentCount,
        int likeCount, boolean likedByMe, List<String> tags, List<UserView> mentions) {

    public Post {
        tags = List.copyOf(tags);
        mentions = List.copyOf(mentions);
    }

    public Post withMentions(List<UserView> accounts) {
        return new Post(id, author, content, createdAt, editedAt, commentCount, likeCount, likedByMe, tags, accounts);
    }

    /** Whether {@code userId} wrote it: only the author edits or deletes. */
    public boolean isBy(long userId) {
        return author.id() == userId;
    }

    public Cursor position() {
        return new Cursor(createdAt, id);
    }
}
