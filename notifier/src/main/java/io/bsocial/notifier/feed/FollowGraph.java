package io.bsocial.notifier.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.notification.ValidEvents;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserUnfollowed;
import io.bsocial.shared.sql.SqlTime;

/**
 * The follow graph as web's events tell it, kept so the live feed needs no access to web's tables.
 * A follow and an unfollow of one pair travel on different topics and may arrive in either order:
 * each pair keeps the fact with the latest time, and a replayed or older event changes nothing.
 */
@Component
class FollowGraph {

    /** Bound on one IN list: a query's cost follows the number of connected users asked about. */
    private static final int CHUNK = 500;

    static final String GROUP = "bsocial-notifier-follow-graph";

    private final JdbcClient jdbc;

    FollowGraph(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // A group of its own: in the notifier's main group it would share the follow events' partitions
    // with the follow notifications' listener, and each would see only part of them.
    @KafkaListener(topics = EventTopics.USER_FOLLOWED, groupId = GROUP)
    void followed(String message) {
        UserFollowed follow = ValidEvents.read(message, UserFollowed.class);
        record(follow.userId(), follow.followedUserId(), true, follow.timestamp());
    }

    @KafkaListener(topics = EventTopics.USER_UNFOLLOWED, groupId = GROUP)
    void unfollowed(String message) {
        UserUnfollowed unfollow = ValidEvents.read(message, UserUnfollowed.class);
        record(unfollow.userId(), unfollow.followedUserId(), false, unfollow.timestamp());
    }

    /** Of {@code candidates}, those who follow {@code authorId}: one index probe per candidate. */
    List<Long> followersAmong(long authorId, Collection<Long> candidates) {
        List<Long> all = new ArrayList<>(candidates);
        List<Long> followers = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            followers.addAll(jdbc.sql("""
                    SELECT follower_id FROM notifier_follows
                     WHERE followee_id = :author AND following AND follower_id IN (:candidates)""")
                    .param("author", authorId)
                    .param("candidates", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(Long.class).list());
        }
        return followers;
    }

    void record(long followerId, long followeeId, boolean following, Instant at) {
        if (newer(followerId, followeeId, following, at) > 0) {
            return;
        }
        int inserted = jdbc.sql("""
                INSERT INTO notifier_follows (follower_id, followee_id, following, as_of)
                VALUES (:follower, :followee, :following, :at) ON CONFLICT DO NOTHING""")
                .param("follower", followerId).param("followee", followeeId)
                .param("following", following).param("at", SqlTime.of(at))
                .update();
        if (inserted == 0) {
            newer(followerId, followeeId, following, at); // another event of the pair inserted it first
        }
    }

    private int newer(long followerId, long followeeId, boolean following, Instant at) {
        return jdbc.sql("""
                UPDATE notifier_follows SET following = :following, as_of = :at
                 WHERE follower_id = :follower AND followee_id = :followee AND as_of < :at""")
                .param("follower", followerId).param("followee", followeeId)
                .param("following", following).param("at", SqlTime.of(at))
                .update();
    }
}
