package io.bsocial.web.account;

/**
 * Where a person's avatar is served: {@code /api/users/{username}/avatar?v={version}}. The version
 * changes with every upload, so the image can be cached for a year and a replaced one is still
 * seen at once (usernames are {@code [A-Za-z0-9_.]}: nothing to encode).
 */
public final class AvatarUrl {

    private AvatarUrl() {
    }

    /** The URL, or null when there is no avatar (no version). */
    public static String of(String username, Long version) {
        return version == null ? null : "/api/users/" + username + "/avatar?v=" + version;
    }
}
