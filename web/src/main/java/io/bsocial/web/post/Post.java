package io.bsocial.web.post;

import java.time.Instant;

import io.bsocial.web.account.UserView;
import io.bsocial.web.paging.Cursor;

/** A post as the API answers it and pages show it. */
public record Post(long id, UserView author, String content, Instant createdAt, int commentCount) {

    public Cursor position() {
        return new Cursor(createdAt, id);
    }
}
