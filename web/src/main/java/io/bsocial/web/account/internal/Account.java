package io.bsocial.web.account.internal;

import java.time.Instant;

import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.AvatarUrl;
import io.bsocial.web.account.UserView;

/** A registered user as stored. Internal: the password hash never leaves the account module. */
public record Account(long id, String username, String email, String firstName, String lastName,
        String passwordHash, Instant registeredAt, String bio, Long avatarVersion) {

    public UserView toUserView() {
        return new UserView(id, username, firstName, lastName, bio, AvatarUrl.of(username, avatarVersion));
    }

    public AccountView toAccountView() {
        return new AccountView(id, username, firstName, lastName, email, registeredAt, bio,
                AvatarUrl.of(username, avatarVersion));
    }
}
