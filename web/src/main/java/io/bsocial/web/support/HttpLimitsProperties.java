package io.bsocial.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a request may make the server read. A post is at most 2,000 characters (8 KB of
 * UTF-8, a few times that as JSON escapes), so 64 KB leaves room for any honest body while a
 * client can no longer make every request parse megabytes. The one exception is an avatar's upload
 * ({@code PUT /api/me/avatar}, however the path is spelled), which may be {@code max-avatar-size}.
 */
@ConfigurationProperties("bsocial.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("5MB") DataSize maxAvatarSize) {

    public HttpLimitsProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bsocial.http.max-body-size must be between 1 byte and 2 GB");
        }
        if (maxAvatarSize.toBytes() < 1 || maxAvatarSize.toBytes() > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("bsocial.http.max-avatar-size must be between 1 byte and 64 MB");
        }
    }

    /** The largest avatar upload, in bytes. */
    public int maxAvatarBytes() {
        return (int) maxAvatarSize.toBytes();
    }

    int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
