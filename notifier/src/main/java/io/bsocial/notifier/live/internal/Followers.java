package io.bsocial.notifier.live.internal;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import io.bsocial.shared.follow.FollowProbes;

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

    private final FollowProbes probes;

    Followers(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.probes = FollowProbes.on(jdbc, dataSource);
    }

    /**
     * Of {@code candidates}, those who follow {@code authorId}: one index probe per candidate, in
     * the plan-proof form web uses too ({@link FollowProbes}).
     */
    List<Long> of(long authorId, Collection<Long> candidates) {
        try {
            return probes.followersAmong(authorId, candidates, "TRUE");
        } catch (DataAccessException notThereYet) {
            log.warn("web's follows could not be read: {}", notThereYet.toString());
            return List.of();
        }
    }
}
