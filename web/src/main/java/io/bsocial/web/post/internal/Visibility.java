package io.bsocial.web.post.internal;

/**
 * The one rule of who sees a post: its author, and everyone who follows its author. Every query
 * that shows posts or their comments (feed, single post, profile, comment listing, commenting)
 * uses this set, so the rule cannot drift between them.
 */
public final class Visibility {

    /**
     * SQL: the ids of the authors whose posts the user bound as {@code :viewer} may see, as column
     * {@code author_id}. Use as {@code p.author_id IN (...)} or as the driving set of a query.
     */
    public static final String VISIBLE_AUTHORS = """
            SELECT CAST(:viewer AS BIGINT) AS author_id
            UNION ALL
            SELECT vf.followee_id FROM follows vf WHERE vf.follower_id = :viewer""";

    private Visibility() {
    }
}
