package io.bsocial.web.account;

import java.time.Instant;

/** A registered user as stored. The password hash never leaves the account and security packages. */
public record Account(long id, String username, String email, String firstName, String lastName,
        String passwordHash, Instant registeredAt) {

    public UserView toUserView() {
        return new UserView(id, username, firstName, lastName);
    }

    public AccountView toAccountView() {
        return new AccountView(id, username, firstName, lastName, email, registeredAt);
    }
}
