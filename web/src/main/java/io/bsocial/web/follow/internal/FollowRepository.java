package io.bsocial.web.follow.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;

@Repository
public class FollowRepository {

    private final JdbcClient jdbc;

    FollowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the follow is new; following twice changes nothing, even when two requests race. */
    public boolean follow(long followerId, long followeeId, Instant at) {
        return jdbc.sql("""
                INSERT INTO follows (follower_id, followee_id, created_at) VALUES (:follower, :followee, :at)
                ON CONFLICT DO NOTHING""")
                .param("follower", followerId).param("followee", followeeId).param("at", SqlTime.of(at))
                .update() == 1;
    }

    /** True when there was a follow to remove. */
    public boolean unfollow(long followerId, long followeeId) {
        return jdbc.sql("DELETE FROM follows WHERE follower_id = :follower AND followee_id = :followee")
                .param("follower", followerId).param("followee", followeeId)
                .update() == 1;
    }
}
