package io.bsocial.notifier.support;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.sql.SqlTime;

/**
 * The part of web's schema the notifier reads: who follows whom ({@code follows}, with web's
 * columns and its {@code (followee_id, follower_id)} index). The notifier's tests run without web,
 * so they create it as web's migration does, and write follows the way web's follow does.
 */
public final class WebFollows {

    private final JdbcClient jdbc;

    public WebFollows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS follows (
                    follower_id BIGINT NOT NULL,
                    followee_id BIGINT NOT NULL,
                    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
                    CONSTRAINT follows_pk PRIMARY KEY (follower_id, followee_id))""").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS follows_followee_idx ON follows (followee_id, follower_id)").update();
    }

    public void follow(long follower, long followee) {
        jdbc.sql("INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(follower, followee, SqlTime.of(Instant.now())).update();
    }

    public void unfollow(long follower, long followee) {
        jdbc.sql("DELETE FROM follows WHERE follower_id = ? AND followee_id = ?").params(follower, followee).update();
    }
}
