package io.bsocial.web.account;

/** A user as anyone may see them: no e-mail address. */
public record UserView(long id, String username, String firstName, String lastName) {
}
