package io.bsocial.notifier.live.internal;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
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

    /** Bound on one statement: a query's cost follows the number of users asked about. */
    private static final int CHUNK = 500;

    /**
     * On PostgreSQL, one index probe per candidate whatever the plan: the candidates drive, and
     * {@code LIMIT 1} keeps each probe from being turned into a join. The IN list this replaces
     * was planned once for all authors after five executions (a generic plan), which expects an
     * author's ~20 followers and reads every one of them: 100,000 index entries for a celebrity,
     * a second per post (docs/benchmarks/notes.md).
     */
    private static final String PROBES = """
            SELECT c.id FROM unnest(CAST(:candidates AS BIGINT[])) AS c(id)
             CROSS JOIN LATERAL (SELECT 1 FROM follows f
                                  WHERE f.followee_id = :author AND f.follower_id = c.id LIMIT 1) followed""";

    /** Elsewhere (H2, which plans each statement for its values) the plain IN list. */
    private static final String IN_LIST = """
            SELECT follower_id FROM follows
             WHERE followee_id = :author AND follower_id IN (:candidates)""";

    private final JdbcClient jdbc;
    private final boolean postgres;

    Followers(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** Of {@code candidates}, those who follow {@code authorId}: one index probe per candidate. */
    List<Long> of(long authorId, Collection<Long> candidates) {
        List<Long> all = new ArrayList<>(candidates);
        List<Long> followers = new ArrayList<>();
        try {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                Object asked = postgres ? arrayLiteral(chunk) : chunk;
                followers.addAll(jdbc.sql(postgres ? PROBES : IN_LIST)
                        .param("author", authorId).param("candidates", asked)
                        .query(Long.class).list());
            }
        } catch (DataAccessException notThereYet) {
            log.warn("web's follows could not be read: {}", notThereYet.toString());
            return List.of();
        }
        return followers;
    }

    /** {@code {1,2,3}}: PostgreSQL's text form of an array, cast to {@code BIGINT[]} by the query. */
    private static String arrayLiteral(List<Long> ids) {
        StringBuilder literal = new StringBuilder("{");
        for (Long id : ids) {
            literal.append(literal.length() > 1 ? "," : "").append(id.longValue());
        }
        return literal.append('}').toString();
    }
}
