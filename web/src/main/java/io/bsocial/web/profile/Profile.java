package io.bsocial.web.profile;

/**
 * A user as others see them, with follower counts; never their e-mail. {@code bio} and
 * {@code avatarUrl} are null when there is none.
 */
public record Profile(long id, String username, String firstName, String lastName, String bio, String avatarUrl,
        long followers, long following, boolean followedByMe) {
}
