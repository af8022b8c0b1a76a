package io.bsocial.web.post;

import java.time.Instant;

import io.bsocial.web.account.UserView;
import io.bsocial.web.paging.Cursor;

/** A post as the API answers it and pages show it; {@code editedAt} is null until edited. */
public record Post(long id, UserView author, String content, Instant createdAt, Instant editedAt, int commentCount) {

    /** Whether {@code userId} wrote it: only the author edits or deletes. */
    public boolean isBy(long userId) {
        return author.id() == userId;
    }

    public Cursor position() {
        return new Cursor(createdAt, id);
    }
}
