package io.bsocial.web.timeline.internal;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.timeline.TimelineHorizons;

/**
 * The writes of home timelines (docs/feed.md, "Home timelines"): the entries, each user's head
 * (its horizon) and each author's follower count and popularity. Who locks what, so that
 * follows, unfollows, fan-outs, trims and builds of the same rows run one after another:
 * <ul>
 * <li>an author's {@code timeline_authors} row: every follow and unfollow of them, every fan-out
 * of their posts (so a fan-out sees a follow that committed, or the follow's back-fill sees the
 * post);</li>
 * <li>a user's {@code timeline_heads} row: their back-fill, trim and build (each moves the
 * horizon and writes entries below it); a fan-out never locks heads;</li>
 * <li>a post's row: its fan-out (claimed by setting {@code fanned_out}).</li>
 * </ul>
 * Always in that order (author, then head), so they cannot deadlock. The rebuild's unbuild step
 * takes heads first, but never waits for an author or a post after that (it skips locked ones) and
 * commits at once, and maintenance on the fan-out's thread skips heads another transaction holds:
 * so the rebuild never holds the fan-out up. Entries are written with {@code ON CONFLICT DO NOTHING}:
 * a post reaching a timeline twice (its fan-out and a back-fill) is one entry; a build leaves
 * pending posts to their fan-out, so a build and a fan-out never write the same entry at once.
 */
@Repository
class HomeTimelines implements TimelineHorizons {

    private static final String INSERT_ENTRY = """
            INSERT INTO home_timelines (user_id, created_at, post_id, author_id)
            VALUES (:user, :createdAt, :post, :author) ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final TimelineProperties properties;
    private final boolean postgres;

    HomeTimelines(JdbcClient jdbc, TimelineProperties properties, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.properties = properties;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** A post waiting for its fan-out. */
    record PendingPost(long id, long authorId, Instant createdAt) {
    }

    // --- reading the head -------------------------------------------------------------------

    @Override
    public Optional<Cursor> horizon(long userId) {
        return jdbc.sql("SELECT horizon_created_at, horizon_post_id FROM timeline_heads WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> new Cursor(SqlTime.instant(rs, "horizon_created_at"), rs.getLong("horizon_post_id")))
                .optional();
    }

    // --- a new user -------------------------------------------------------------------------

    /** A new account: an author with no followers and a timeline that is complete (and empty). */
    void register(long userId) {
        jdbc.sql("INSERT INTO timeline_authors (author_id, followers, popular) VALUES (?, 0, FALSE) ON CONFLICT DO NOTHING")
                .param(userId).update();
        jdbc.sql("""
                INSERT INTO timeline_heads (user_id, horizon_created_at, horizon_post_id)
                VALUES (:user, :at, :id) ON CONFLICT DO NOTHING""")
                .param("user", userId).param("at", SqlTime.of(COMPLETE.createdAt())).param("id", COMPLETE.id())
                .update();
    }

    // --- activity ---------------------------------------------------------------------------

    /**
     * Records the user's activity at {@code now} on their head if it was last recorded before
     * {@code since}; a user without a head (idle too long, so it was dropped) gets an unbuilt one,
     * which the fan-out's thread builds. Answers whether a head was made.
     */
    boolean touch(long userId, Instant now, Instant since) {
        int updated = jdbc.sql("UPDATE timeline_heads SET active_at = :now WHERE user_id = :user AND active_at < :since")
                .param("now", SqlTime.of(now)).param("user", userId).param("since", SqlTime.of(since)).update();
        if (updated > 0) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO timeline_heads (user_id, horizon_created_at, horizon_post_id, active_at)
                SELECT u.id, :at, :id, :now FROM users u WHERE u.id = :user
                ON CONFLICT DO NOTHING""")
                .param("user", userId).param("at", SqlTime.of(UNBUILT.createdAt())).param("id", UNBUILT.id())
                .param("now", SqlTime.of(now))
                .update() > 0;
    }

    /**
     * Drops up to {@code limit} heads idle since before {@code cutoff}, with their entries: the
     * fan-out no longer writes to them. Heads another transaction holds are left for the next
     * step. Answers the users dropped.
     */
    List<Long> dropIdle(Instant cutoff, int limit) {
        List<Long> users = jdbc.sql("""
                SELECT user_id FROM timeline_heads WHERE active_at < :cutoff
                 ORDER BY active_at, user_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("cutoff", SqlTime.of(cutoff)).param("limit", limit).query(Long.class).list();
        if (!users.isEmpty()) {
            deleteEntries(users);
            jdbc.sql("DELETE FROM timeline_heads WHERE user_id IN (:users)").param("users", users).update();
        }
        return users;
    }

    /**
     * Deletes the entries of users without a head: those a fan-out wrote while their head was
     * being dropped (a fan-out reads the heads as they were when its statement began).
     */
    void deleteEntriesOfHeadless(List<Long> users) {
        if (!users.isEmpty()) {
            jdbc.sql("""
                    DELETE FROM home_timelines WHERE user_id IN (:users)
                       AND NOT EXISTS (SELECT 1 FROM timeline_heads h WHERE h.user_id = home_timelines.user_id)""")
                    .param("users", users).update();
        }
    }

    private void deleteEntries(List<Long> users) {
        jdbc.sql("DELETE FROM home_timelines WHERE user_id IN (:users)").param("users", users).update();
    }

    // --- follows ----------------------------------------------------------------------------

    /**
     * Counts a follower more ({@code +1}) or fewer ({@code -1}) for the author, taking the
     * author's lock, and tells whether the author is popular now. Becoming popular is for good.
     */
    boolean countFollower(long authorId, int change) {
        if (updateFollowers(authorId, change) == 0 && insertAuthor(authorId) == 0) {
            updateFollowers(authorId, change); // created by a concurrent transaction meanwhile
        }
        return jdbc.sql("SELECT popular FROM timeline_authors WHERE author_id = ?").param(authorId)
                .query(Boolean.class).single();
    }

    private int updateFollowers(long authorId, int change) {
        return jdbc.sql("""
                UPDATE timeline_authors
                   SET followers = followers + :change,
                       popular = (popular OR followers + :change > :threshold)
                 WHERE author_id = :author""")
                .param("change", change).param("threshold", properties.popularFollowers()).param("author", authorId)
                .update();
    }

    /** An author row for a user who has none (made outside the application): counted from follows. */
    private int insertAuthor(long authorId) {
        return jdbc.sql("""
                INSERT INTO timeline_authors (author_id, followers, popular)
                SELECT :author, c.n, c.n > :threshold
                  FROM (SELECT COUNT(*) AS n FROM follows WHERE followee_id = :author) c
                ON CONFLICT DO NOTHING""")
                .param("author", authorId).param("threshold", properties.popularFollowers())
                .update();
    }

    /** Takes the author's lock for a fan-out; tells whether the author is popular. */
    boolean lockAuthor(long authorId) {
        Optional<Boolean> popular = selectPopularForUpdate(authorId);
        if (popular.isPresent()) {
            return popular.get();
        }
        insertAuthor(authorId);
        return selectPopularForUpdate(authorId).orElseThrow();
    }

    private Optional<Boolean> selectPopularForUpdate(long authorId) {
        return jdbc.sql("SELECT popular FROM timeline_authors WHERE author_id = ? FOR UPDATE").param(authorId)
                .query(Boolean.class).optional();
    }

    /**
     * The follower's timeline gains the author's newest posts at once: those at or after its
     * horizon, at most {@code size}. When the author has more there, the horizon rises to the
     * oldest one taken (the feed reads below it with the query of before). Call with the
     * author's lock held (from {@link #countFollower}).
     */
    void backFill(long followerId, long authorId) {
        Optional<Cursor> horizon = lockHead(followerId);
        if (horizon.isEmpty() || horizon.get().equals(UNBUILT)) {
            return; // no timeline to fill: the feed reads this user with the query of before
        }
        int size = properties.size();
        Cursor from = horizon.get();
        jdbc.sql("""
                INSERT INTO home_timelines (user_id, created_at, post_id, author_id)
                SELECT :follower, p.created_at, p.id, p.author_id FROM posts p
                 WHERE p.author_id = :author AND (p.created_at, p.id) >= (:horizonAt, :horizonId)
                 ORDER BY p.created_at DESC, p.id DESC
                 LIMIT :size
                ON CONFLICT DO NOTHING""")
                .param("follower", followerId).param("author", authorId)
                .param("horizonAt", SqlTime.of(from.createdAt())).param("horizonId", from.id())
                .param("size", size)
                .update();
        // The oldest post taken and the one after it: when there is one after it, the author has
        // more posts above the horizon than were taken, and the horizon rises to the oldest taken.
        List<Cursor> edge = jdbc.sql("""
                SELECT created_at, id FROM posts
                 WHERE author_id = :author AND (created_at, id) >= (:horizonAt, :horizonId)
                 ORDER BY created_at DESC, id DESC
                 OFFSET :skip ROWS FETCH NEXT 2 ROWS ONLY""")
                .param("author", authorId)
                .param("horizonAt", SqlTime.of(from.createdAt())).param("horizonId", from.id())
                .param("skip", size - 1)
                .query((rs, row) -> new Cursor(SqlTime.instant(rs, "created_at"), rs.getLong("id")))
                .list();
        if (edge.size() == 2) {
            raiseHorizon(followerId, edge.get(0));
        }
        trimLocked(followerId);
    }

    /** The author's posts leave the follower's timeline at once. Call with the author's lock held. */
    void removeAuthor(long followerId, long authorId) {
        jdbc.sql("DELETE FROM home_timelines WHERE user_id = ? AND author_id = ?").params(followerId, authorId).update();
    }

    // --- fan-out ----------------------------------------------------------------------------

    /** The oldest posts that wait for their fan-out and have been tried fewer than {@code maxAttempts} times. */
    List<PendingPost> pending(int limit, int maxAttempts) {
        return jdbc.sql("""
                SELECT id, author_id, created_at FROM posts WHERE fanned_out = FALSE AND fan_out_attempts < :max
                 ORDER BY created_at, id LIMIT :limit""")
                .param("limit", limit).param("max", maxAttempts)
                .query((rs, row) -> new PendingPost(rs.getLong("id"), rs.getLong("author_id"),
                        SqlTime.instant(rs, "created_at")))
                .list();
    }

    /** How many posts wait for their fan-out (set aside or not). */
    long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM posts WHERE fanned_out = FALSE").query(Long.class).single();
    }

    /** When the oldest post still waiting for its fan-out was written (set aside or not). */
    Optional<Instant> oldestPendingAt() {
        return jdbc.sql("""
                SELECT created_at FROM posts WHERE fanned_out = FALSE
                 ORDER BY created_at, id FETCH FIRST 1 ROWS ONLY""")
                .query((rs, row) -> SqlTime.instant(rs, "created_at")).optional();
    }

    /** Counts a failed fan-out of the post (in a transaction of its own); answers its tries so far. */
    int recordFailure(long postId, String error) {
        jdbc.sql("""
                UPDATE posts SET fan_out_attempts = fan_out_attempts + 1, fan_out_error = :error
                 WHERE id = :id AND fanned_out = FALSE""")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", postId).update();
        return jdbc.sql("SELECT fan_out_attempts FROM posts WHERE id = ?").param(postId).query(Integer.class)
                .optional().orElse(0);
    }

    /** The posts set aside (tried {@code maxAttempts} times), oldest first, at most {@code limit}. */
    List<SetAside> setAside(int maxAttempts, int limit) {
        return jdbc.sql("""
                SELECT id, created_at, fan_out_attempts, fan_out_error FROM posts
                 WHERE fanned_out = FALSE AND fan_out_attempts >= :max
                 ORDER BY created_at, id LIMIT :limit""")
                .param("max", maxAttempts).param("limit", limit)
                .query((rs, row) -> new SetAside(rs.getLong("id"), SqlTime.instant(rs, "created_at"),
                        rs.getInt("fan_out_attempts"), rs.getString("fan_out_error")))
                .list();
    }

    /** How many posts are set aside. */
    long setAsideCount(int maxAttempts) {
        return jdbc.sql("SELECT COUNT(*) FROM posts WHERE fanned_out = FALSE AND fan_out_attempts >= :max")
                .param("max", maxAttempts).query(Long.class).single();
    }

    /** Every pending post is tried again from its first attempt; answers how many had failed. */
    int retryFailed() {
        return jdbc.sql("UPDATE posts SET fan_out_attempts = 0, fan_out_error = NULL WHERE fanned_out = FALSE AND fan_out_attempts > 0")
                .update();
    }

    /** A post whose fan-out failed {@code attempts} times, with the last failure. */
    public record SetAside(long postId, Instant createdAt, int attempts, String lastError) {
    }

    /**
     * Claims the post and writes it into the timeline of each follower (none when the author is
     * popular). Returns the entries written; 0 when another fan-out claimed it first or it is gone.
     */
    int fanOut(PendingPost post) {
        int claimed = jdbc.sql("UPDATE posts SET fanned_out = TRUE WHERE id = ? AND fanned_out = FALSE")
                .param(post.id()).update();
        if (claimed == 0 || lockAuthor(post.authorId())) {
            return 0;
        }
        // Every follower with a head, built or not: a build that started before this post
        // committed does not see it, and this entry is what it would have missed.
        return jdbc.sql("""
                INSERT INTO home_timelines (user_id, created_at, post_id, author_id)
                SELECT f.follower_id, :createdAt, :post, :author
                  FROM follows f JOIN timeline_heads h ON h.user_id = f.follower_id
                 WHERE f.followee_id = :author
                ON CONFLICT DO NOTHING""")
                .param("createdAt", SqlTime.of(post.createdAt())).param("post", post.id())
                .param("author", post.authorId())
                .update();
    }

    // --- bounded size -----------------------------------------------------------------------

    /** The followers of the author who have a head: the timelines a fan-out of theirs writes to. */
    List<Long> followersWithHeads(long authorId) {
        return jdbc.sql("""
                SELECT f.follower_id FROM follows f JOIN timeline_heads h ON h.user_id = f.follower_id
                 WHERE f.followee_id = :author""")
                .param("author", authorId).query(Long.class).list();
    }

    /**
     * Keeps the user's newest {@code size} entries; the horizon rises to the oldest one kept. A
     * head another transaction holds (a build, a back-fill: each trims itself) is left alone;
     * answers whether the head was taken.
     */
    boolean trim(long userId) {
        boolean locked = !jdbc.sql("SELECT user_id FROM timeline_heads WHERE user_id = ? FOR UPDATE SKIP LOCKED")
                .param(userId).query(Long.class).list().isEmpty();
        if (locked) {
            trimLocked(userId);
        }
        return locked;
    }

    private void trimLocked(long userId) {
        Optional<Cursor> last = jdbc.sql("""
                SELECT created_at, post_id FROM home_timelines WHERE user_id = :user
                 ORDER BY created_at DESC, post_id DESC
                 OFFSET :skip ROWS FETCH NEXT 1 ROWS ONLY""")
                .param("user", userId).param("skip", properties.size() - 1)
                .query((rs, row) -> new Cursor(SqlTime.instant(rs, "created_at"), rs.getLong("post_id")))
                .optional();
        if (last.isEmpty()) {
            return;
        }
        int removed = jdbc.sql("""
                DELETE FROM home_timelines WHERE user_id = :user AND (created_at, post_id) < (:createdAt, :post)""")
                .param("user", userId).param("createdAt", SqlTime.of(last.get().createdAt()))
                .param("post", last.get().id())
                .update();
        if (removed > 0) {
            raiseHorizon(userId, last.get());
        }
    }

    private Optional<Cursor> lockHead(long userId) {
        return jdbc.sql("SELECT horizon_created_at, horizon_post_id FROM timeline_heads WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query((rs, row) -> new Cursor(SqlTime.instant(rs, "horizon_created_at"), rs.getLong("horizon_post_id")))
                .optional();
    }

    /** The timeline is complete from {@code horizon} on (never lowers it). */
    private void raiseHorizon(long userId, Cursor horizon) {
        jdbc.sql("""
                UPDATE timeline_heads SET horizon_created_at = :createdAt, horizon_post_id = :post
                 WHERE user_id = :user AND (horizon_created_at, horizon_post_id) < (:createdAt, :post)""")
                .param("user", userId).param("createdAt", SqlTime.of(horizon.createdAt())).param("post", horizon.id())
                .update();
    }

    // --- building ---------------------------------------------------------------------------

    /** The largest author id (where the rebuild's recount ends). */
    long lastAuthor() {
        return jdbc.sql("SELECT COALESCE(MAX(author_id), 0) FROM timeline_authors").query(Long.class).single();
    }

    /**
     * The rebuild's first steps, each a short transaction of its own: every user gets an author
     * row, and the follower counts of authors {@code fromAuthor} (inclusive) to {@code toAuthor}
     * (exclusive) are recounted from follows. Only rows whose count is wrong are written (and
     * locked), so a fan-out or a follow of an author waits at most for one such chunk.
     */
    void recountFollowers(long fromAuthor, long toAuthor) {
        jdbc.sql("""
                UPDATE timeline_authors
                   SET followers = (SELECT COUNT(*) FROM follows f WHERE f.followee_id = timeline_authors.author_id)
                 WHERE author_id >= :from AND author_id < :to
                   AND followers <> (SELECT COUNT(*) FROM follows f WHERE f.followee_id = timeline_authors.author_id)""")
                .param("from", fromAuthor).param("to", toAuthor).update();
    }

    /** Users without an author row (made outside the application) get one, counted from follows. */
    void addMissingAuthors() {
        jdbc.sql("""
                INSERT INTO timeline_authors (author_id, followers, popular)
                SELECT u.id, (SELECT COUNT(*) FROM follows f WHERE f.followee_id = u.id), FALSE FROM users u
                 WHERE NOT EXISTS (SELECT 1 FROM timeline_authors ta WHERE ta.author_id = u.id)
                ON CONFLICT DO NOTHING""").update();
    }

    /**
     * The rebuild's unbuild step, in one transaction: every head (every active user's: an idle
     * user gets one back at their next request) becomes unbuilt; then
     * popularity follows the recounted followers (so an author may stop being popular), and posts
     * still waiting for their fan-out are done with (every build that follows reads them: they
     * committed before it, so a bulk load need not be fanned out). Until each head is built again
     * the feed reads that user as before, so no answer is wrong meanwhile; the three changes commit
     * together, so no built timeline ever misses a post or an author.
     *
     * <p>Only the heads are waited for (a back-fill or a trim holds one a moment). The authors and
     * posts come after, and a row another transaction holds is skipped, never waited for: a post
     * being claimed is being fanned out; an author being followed keeps its flag (popular stays
     * right either way: a popular author is read at feed time, and a follow that makes one popular
     * sets the flag itself). So this step never holds a lock a fan-out needs while it waits.
     */
    int unbuildAll() {
        int users = jdbc.sql("UPDATE timeline_heads SET horizon_created_at = :at, horizon_post_id = :id")
                .param("at", SqlTime.of(UNBUILT.createdAt())).param("id", UNBUILT.id()).update();
        jdbc.sql("""
                UPDATE timeline_authors SET popular = (followers > :threshold)
                 WHERE author_id IN (SELECT author_id FROM timeline_authors
                                      WHERE popular <> (followers > :threshold) FOR UPDATE SKIP LOCKED)""")
                .param("threshold", properties.popularFollowers()).update();
        jdbc.sql("""
                UPDATE posts SET fanned_out = TRUE
                 WHERE id IN (SELECT id FROM posts WHERE fanned_out = FALSE FOR UPDATE SKIP LOCKED)""").update();
        return users;
    }

    /** Up to {@code limit} users whose timelines are not built, lowest id first. */
    List<Long> unbuilt(int limit) {
        return jdbc.sql("""
                SELECT user_id FROM timeline_heads WHERE horizon_created_at = :at AND horizon_post_id = :id
                 ORDER BY user_id LIMIT :limit""")
                .param("at", SqlTime.of(UNBUILT.createdAt())).param("id", UNBUILT.id()).param("limit", limit)
                .query(Long.class).list();
    }

    /** Whether a build waits for heads another transaction holds, or leaves those users for later. */
    enum Heads { WAIT, SKIP_LOCKED }

    /**
     * Builds these users' timelines from posts and follows: the newest {@code size} posts of the
     * not popular authors each follows, with the horizon at the oldest when there may be more.
     * Set-based: one statement for the whole batch. Posts still waiting for their fan-out are left
     * to it (it writes every follower with a head, built or not; the feed reads them meanwhile),
     * so the build and a fan-out never insert the same entry at once. With {@link Heads#SKIP_LOCKED}
     * (maintenance, on the fan-out's thread) users whose head is held are not built now. Returns
     * the entries written.
     */
    int build(List<Long> requested, Heads heads) {
        if (requested.isEmpty()) {
            return 0;
        }
        // Still unbuilt once locked: another instance, or a rebuild, may have built them meanwhile,
        // and a second build would delete and write their entries again.
        List<Long> users = jdbc.sql("""
                SELECT user_id FROM timeline_heads
                 WHERE user_id IN (:users) AND horizon_created_at = :at AND horizon_post_id = :id
                 ORDER BY user_id FOR UPDATE""" + (heads == Heads.SKIP_LOCKED ? " SKIP LOCKED" : ""))
                .param("users", requested).param("at", SqlTime.of(UNBUILT.createdAt())).param("id", UNBUILT.id())
                .query(Long.class).list();
        if (users.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM home_timelines WHERE user_id IN (:users)").param("users", users).update();
        int entries = jdbc.sql("""
                INSERT INTO home_timelines (user_id, created_at, post_id, author_id)
                SELECT c.follower_id, c.created_at, c.id, c.author_id
                  FROM (SELECT f.follower_id, p.created_at, p.id, p.author_id,
                               ROW_NUMBER() OVER (PARTITION BY f.follower_id
                                                  ORDER BY p.created_at DESC, p.id DESC) AS n
                          FROM follows f
                          JOIN posts p ON p.author_id = f.followee_id
                          LEFT JOIN timeline_authors ta ON ta.author_id = f.followee_id
                         WHERE f.follower_id IN (:users) AND COALESCE(ta.popular, FALSE) = FALSE
                           AND p.fanned_out = TRUE) c
                 WHERE c.n <= :size
                ON CONFLICT DO NOTHING""")
                .param("users", users).param("size", properties.size())
                .update();
        jdbc.sql("UPDATE timeline_heads SET horizon_created_at = :at, horizon_post_id = :id WHERE user_id IN (:users)")
                .param("at", SqlTime.of(COMPLETE.createdAt())).param("id", COMPLETE.id()).param("users", users)
                .update();
        // A full timeline may have left older posts out: it is complete from its oldest entry on.
        List<Long> full = jdbc.sql("""
                SELECT user_id FROM home_timelines WHERE user_id IN (:users)
                 GROUP BY user_id HAVING COUNT(*) >= :size""")
                .param("users", users).param("size", properties.size()).query(Long.class).list();
        for (long user : full) {
            trimLocked(user);
            jdbc.sql("""
                    SELECT created_at, post_id FROM home_timelines WHERE user_id = ?
                     ORDER BY created_at, post_id FETCH FIRST 1 ROWS ONLY""")
                    .param(user)
                    .query((rs, row) -> new Cursor(SqlTime.instant(rs, "created_at"), rs.getLong("post_id")))
                    .optional().ifPresent(oldest -> raiseHorizon(user, oldest));
        }
        return entries;
    }

    /**
     * After a rebuild rewrote the tables: fresh planner statistics on PostgreSQL, so that the feed
     * finds the few popular authors by their index at once rather than after autovacuum (measured:
     * a 5,000-follow viewer's page took 18 ms with a scan of every author, 1.7 ms after ANALYZE).
     */
    void refreshStatistics() {
        if (postgres) {
            jdbc.sql("ANALYZE timeline_authors, timeline_heads, home_timelines").update();
        }
    }

    /** Entries in all timelines. */
    long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM home_timelines").query(Long.class).single();
    }

    /** Users with a head, and how many of them are not built. */
    long heads() {
        return jdbc.sql("SELECT COUNT(*) FROM timeline_heads").query(Long.class).single();
    }

    long unbuiltCount() {
        return jdbc.sql("SELECT COUNT(*) FROM timeline_heads WHERE horizon_created_at = :at AND horizon_post_id = :id")
                .param("at", SqlTime.of(UNBUILT.createdAt())).param("id", UNBUILT.id()).query(Long.class).single();
    }

    long popularAuthors() {
        return jdbc.sql("SELECT COUNT(*) FROM timeline_authors WHERE popular = TRUE").query(Long.class).single();
    }
}
