package io.bsocial.shared.follow;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * "Which of these people follow X" and "which of these does X follow", asked of web's
 * {@code follows} table in a form whose cost follows the number of people asked about, whatever
 * plan the database picks. Web (mentions, suggestions) and the notifier (the live feed's
 * recipients) both ask it, so both use this one form.
 *
 * <p>Why not {@code followee_id = ? AND follower_id IN (...)}: PostgreSQL plans a prepared
 * statement once for all parameters after five executions (a generic plan). That plan expects an
 * author's ~20 followers and reads every one of them, then filters: 100,000 index entries for a
 * celebrity, a second per question (docs/benchmarks/notes.md). Here the candidates drive instead
 * ({@code unnest}), and {@code LIMIT 1} keeps each probe of the primary key or the
 * {@code (followee_id, follower_id)} index from being turned into a join. H2 plans each statement
 * for its values, so it keeps the plain IN list.
 */
public final class FollowProbes {

    /** Bound on one statement: a query's cost follows the number of users asked about. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final boolean postgres;

    private FollowProbes(JdbcClient jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** Probes on {@code dataSource}'s database, in the form that suits it. */
    public static FollowProbes on(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        return new FollowProbes(jdbc, "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)));
    }

    /**
     * Of {@code candidates}, those who follow {@code followeeId} and pass {@code alsoWhere}: an SQL
     * condition on the follow row {@code f} that may use the parameter {@code :followee}
     * ({@code "TRUE"} for none).
     */
    public List<Long> followersAmong(long followeeId, Collection<Long> candidates, String alsoWhere) {
        return among("followee_id", followeeId, "follower_id", candidates, alsoWhere);
    }

    /** Of {@code candidates}, those whom {@code followerId} follows. */
    public List<Long> followeesAmong(long followerId, Collection<Long> candidates) {
        return among("follower_id", followerId, "followee_id", candidates, "TRUE");
    }

    private List<Long> among(String knownColumn, long known, String askedColumn, Collection<Long> candidates,
            String alsoWhere) {
        String param = knownColumn.equals("followee_id") ? "followee" : "follower";
        String sql = postgres
                ? "SELECT c.id FROM unnest(CAST(:candidates AS BIGINT[])) AS c(id)"
                        + " CROSS JOIN LATERAL (SELECT 1 FROM follows f WHERE f." + knownColumn + " = :" + param
                        + " AND f." + askedColumn + " = c.id AND " + alsoWhere + " LIMIT 1) hit"
                : "SELECT f." + askedColumn + " FROM follows f WHERE f." + knownColumn + " = :" + param
                        + " AND f." + askedColumn + " IN (:candidates) AND " + alsoWhere;
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(candidates));
        List<Long> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            found.addAll(jdbc.sql(sql).param(param, known)
                    .param("candidates", postgres ? arrayLiteral(chunk) : chunk)
                    .query(Long.class).list());
        }
        return found;
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
