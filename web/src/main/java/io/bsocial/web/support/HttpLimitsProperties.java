package io.bsocial.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a request may make the server read. A post is at most 2,000 characters (8 KB of
 * UTF-8, a few times that as JSON escapes), so 64 KB leaves room for any honest body while a
 * client can no longer make every request parse megabytes.
 */
@ConfigurationProperties("bsocial.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    public HttpLimitsProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bsocial.http.max-body-size must be between 1 byte and 2 GB");
        }
    }

    int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
