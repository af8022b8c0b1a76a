package io.bsocial.web.post;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.internal.FeedRepository;
import io.bsocial.web.post.internal.PostRepository;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

/**
 * What other modules may do with posts: write one, read the ones a viewer may see (one post, an
 * author's, the feed), and count a comment. The visibility rule and the SQL stay inside.
 */
@Service
public class Posts {

    public static final int MAX_LENGTH = 2_000;

    private final PostRepository posts;
    private final FeedRepository feed;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Posts(PostRepository posts, FeedRepository feed, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.feed = feed;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Post create(SessionUser author, String content) {
        String text = TextInput.require(content, "content", "A post", MAX_LENGTH);
        Instant now = SqlTime.now(clock);
        long id = posts.insert(author.id(), text, now);
        events.publishEvent(PostCreated.of(accounts.actor(author.id()), id, text, now));
        return posts.findVisible(id, author.id()).orElseThrow();
    }

    /** The post if {@code viewer} may see it; absent and invisible posts are the same 404. */
    public Post visible(long postId, SessionUser viewer) {
        return posts.findVisible(postId, viewer.id()).orElseThrow(() -> new NotFoundException("No such post."));
    }

    /** The post, if it exists and {@code viewerId} may see it. */
    public Optional<Post> findVisible(long postId, long viewerId) {
        return posts.findVisible(postId, viewerId);
    }

    /** A page of one author's posts, newest first; empty unless {@code viewerId} may see them. */
    public List<Post> byAuthor(long authorId, long viewerId, PageRequest page) {
        return posts.byAuthor(authorId, viewerId, page);
    }

    /** A page of the feed: the viewer's posts and those of everyone they follow, newest first. */
    public List<Post> feed(long viewerId, PageRequest page) {
        return feed.page(viewerId, page);
    }

    /** The text of each of these posts that {@code viewerId} may see, by id, in one query. */
    public Map<Long, String> visibleContents(Collection<Long> postIds, long viewerId) {
        return posts.visibleContents(postIds, viewerId);
    }

    /** Counted on write, in the commenter's transaction, so that no page of posts counts comments. */
    public void countComment(long postId) {
        posts.countComment(postId);
    }
}
