package io.bsocial.notifier.live.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who follows whom, read where web keeps it: its {@code follows} table, on the database server the
 * two services share already (as they share the sessions). The notifier reads two columns of it,
 * {@code follower_id} and {@code followee_id}, through web's {@code (followee_id, follower_id)}
 * index, and never writes it. Before web's schema exists (a notifier started first on an empty
 * database) nobody follows anybody.
 */
@Component
class Followers {

    private static final Logger log = LoggerFactory.getLogger(Followers.class);

    /** Bound on one IN list: a query's cost follows the number of users asked about. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    Followers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of {@code candidates}, those who follow {@code authorId}: one index probe per candidate. */
    List<Long> of(long authorId, Collection<Long> candidates) {
        List<Long> all = new ArrayList<>(candidates);
        List<Long> followers = new ArrayList<>();
        try {
            for (int from = 0; from < all.size(); from += CHUNK) {
                followers.addAll(jdbc.sql("""
                        SELECT follower_id FROM follows
                         WHERE followee_id = :author AND follower_id IN (:candidates)""")
                        .param("author", authorId)
                        .param("candidates", all.subList(from, Math.min(all.size(), from + CHUNK)))
                        .query(Long.class).list());
            }
        } catch (DataAccessException notThereYet) {
            log.warn("web's follows could not be read: {}", notThereYet.toString());
            return List.of();
        }
        return followers;
    }
}
