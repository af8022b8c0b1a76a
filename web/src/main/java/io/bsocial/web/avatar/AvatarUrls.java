package io.bsocial.web.avatar;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.bsocial.web.account.AvatarUrl;

/**
 * The avatar's URL of a user id for the pages ({@code ${@avatarUrls.of(user.id)}} in
 * fragments/avatar.html), so that every place that draws initials can draw the image instead
 * without each view model carrying it. Remembered for a short while per instance: a page shows
 * dozens of authors, mostly the same ones. This instance forgets an entry at once when its avatar
 * changes here; another instance may show the previous URL for up to {@link #REMEMBERED}, and the
 * previous URL still answers with the current image (AvatarApiController).
 */
@Component("avatarUrls")
public class AvatarUrls {

    static final Duration REMEMBERED = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Cache<Long, Optional<String>> urls = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(REMEMBERED).build();

    AvatarUrls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The URL of the user's avatar, or null when they have none. */
    public String of(long userId) {
        return urls.get(userId, id -> jdbc.sql("""
                        SELECT u.username, a.version FROM avatars a JOIN users u ON u.id = a.user_id
                         WHERE a.user_id = ?
                        """).param(id)
                .query((rs, row) -> AvatarUrl.of(rs.getString("username"), rs.getLong("version")))
                .optional()).orElse(null);
    }

    /** The user's avatar changed on this instance. */
    public void changed(long userId) {
        urls.invalidate(userId);
    }
}
