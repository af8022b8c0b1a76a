package io.bsocial.notifier.directory;

/** A user as notifications and the live feed show them: a bSocial user object, never their e-mail. */
public record Actor(long id, String username, String firstName, String lastName) {
}
