package io.bsocial.web.profile;

/** A user as others see them, with follower counts; never their e-mail. */
public record Profile(long id, String username, String firstName, String lastName, long followers, long following,
        boolean followedByMe) {
}
