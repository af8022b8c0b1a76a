package io.bsocial.web.post.internal;

import io.bsocial.web.block.Blocks;

/**
 * The one rule of who sees a post: its author, and everyone who follows its author, unless one of
 * the two blocked the other. Every query that shows posts or their comments (feed, single post,
 * profile, tag pages, comment listing, commenting, liking) uses this set, so the rule cannot drift
 * between them. A block also ends the follows between the two (and no follow begins across one),
 * so the block test is the rule's second lock, not its only one.
 * <p>
 * The feed narrows the rule by the viewer's mutes ({@link #FEED_AUTHORS}, {@link #inFeed}): a muted
 * person's posts leave the muter's feed, and nothing else (their profile, a post's own page).
 */
public final class Visibility {

    /** SQL: the authors {@code :viewer} follows, less those in a block with them (and {@code also}). */
    private static String followed(String also) {
        return """
                SELECT CAST(:viewer AS BIGINT) AS author_id
                UNION ALL
                SELECT vf.followee_id FROM follows vf
                 WHERE vf.follower_id = :viewer
                   AND vf.followee_id NOT IN (""" + Blocks.BLOCKED_EITHER_WAY + also + ")";
    }

    /**
     * SQL: the ids of the authors whose posts the user bound as {@code :viewer} may see, as column
     * {@code author_id}. Use as {@code p.author_id IN (...)} or as the driving set of a query.
     */
    public static final String VISIBLE_AUTHORS = followed("");

    /** SQL: {@link #VISIBLE_AUTHORS} less the people {@code :viewer} muted: whose posts their feed shows. */
    public static final String FEED_AUTHORS = followed("""

            UNION ALL
            SELECT vm.muted_id FROM mutes vm WHERE vm.muter_id = :viewer""");

    /**
     * SQL: the condition the feed's materialised read puts on each followed author it reads
     * ({@code authorColumn}), with the follow itself: not in a block with {@code :viewer}, not muted
     * by them.
     */
    public static String inFeed(String authorColumn) {
        return Blocks.neitherBlocks(":viewer", authorColumn) + " AND " + Blocks.notMuted(":viewer", authorColumn);
    }

    private Visibility() {
    }
}
