package io.bsocial.web.post.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.follow.FollowProbes;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.UserView;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.post.Post;
import io.bsocial.web.reading.MentionNames;

/**
 * A post's hashtags and mentions as its text now stands, written with the text (post_tags,
 * post_mentions). Tags are kept for the tag pages; a page of posts reads the mentions of all its
 * posts in one query.
 */
@Repository
public class PostMarks {

    private final JdbcClient jdbc;
    private final FollowProbes follows;

    PostMarks(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.follows = FollowProbes.on(jdbc, dataSource);
    }

    /** Replaces the post's tags and mentions. */
    public void save(long postId, Instant postedAt, List<String> tags, Collection<Long> mentionedIds) {
        jdbc.sql("DELETE FROM post_tags WHERE post_id = ?").param(postId).update();
        jdbc.sql("DELETE FROM post_mentions WHERE post_id = ?").param(postId).update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO post_tags (post_id, tag, created_at) VALUES (:post, :tag, :at)")
                    .param("post", postId).param("tag", tag).param("at", SqlTime.of(postedAt)).update();
        }
        for (long userId : new HashSet<>(mentionedIds)) {
            jdbc.sql("INSERT INTO post_mentions (post_id, user_id) VALUES (?, ?)").param(postId).param(userId).update();
        }
    }

    /**
     * The posts with the accounts they mention, in the text's order; never someone in a block with
     * the post's author (that {@code @name} stays plain text, for as long as the block lasts).
     */
    public List<Post> withMentions(List<Post> posts) {
        // Most posts mention nobody: a page without an @ costs no query (the feed is read most).
        if (posts.stream().noneMatch(post -> post.content().indexOf('@') >= 0)) {
            return posts;
        }
        Map<Long, List<UserView>> byPost = new HashMap<>();
        jdbc.sql("""
                SELECT pm.post_id, """ + UserView.columns("u", "") + """
                  FROM post_mentions pm JOIN users u ON u.id = pm.user_id
                  JOIN posts p ON p.id = pm.post_id
                 WHERE pm.post_id IN (:ids)
                   AND\s""" + Blocks.neitherBlocks("p.author_id", "pm.user_id"))
                .param("ids", posts.stream().map(Post::id).toList())
                .query(rs -> {
                    byPost.computeIfAbsent(rs.getLong("post_id"), id -> new ArrayList<>()).add(UserView.read(rs, ""));
                });
        if (byPost.isEmpty()) {
            return posts;
        }
        return posts.stream().map(post -> byPost.containsKey(post.id())
                ? post.withMentions(MentionNames.ordered(post.content(), byPost.get(post.id())))
                : post).toList();
    }

    /**
     * Who of {@code userIds} may see a post by {@code authorId}: the author and their followers (the
     * visibility rule seen from the author's side, a block included).
     */
    public Set<Long> maySee(long authorId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        // Plan-proof for an author with 100,000 followers (FollowProbes)
        Set<Long> seeing = new HashSet<>(follows.followersAmong(authorId, userIds,
                Blocks.neitherBlocks(":followee", "f.follower_id")));
        if (userIds.contains(authorId)) {
            seeing.add(authorId);
        }
        return seeing;
    }
}
