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
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostUpdated;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
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
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Posts(PostRepository posts, FeedRepository feed, Accounts accounts, Budgets budgets, ApplicationEventPublisher events,
            Clock clock) {
        this.posts = posts;
        this.feed = feed;
        this.accounts = accounts;
        this.budgets = budgets;
        this.events = events;
        this.clock = clock;
    }

    /** A new post, paid from the author's budget for posts and comments. */
    @Transactional
    public Post create(SessionUser author, String content) {
        String text = TextInput.require(content, "content", "A post", MAX_LENGTH);
        budgets.spend(Budget.POSTS, author.id());
        Instant now = SqlTime.now(clock);
        long id = posts.insert(author.id(), text, now);
        events.publishEvent(PostCreated.of(accounts.actor(author.id()), id, text, now));
        return posts.findVisible(id, author.id()).orElseThrow();
    }

    /** The post if {@code viewer} may see it; absent and invisible posts are the same 404. */
    public Post visible(long postId, SessionUser viewer) {
        return posts.findVisible(postId, viewer.id()).orElseThrow(Posts::notFound);
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

    /**
     * Counted on write, in the commenter's transaction, so that no page of posts counts comments.
     * Takes the post's row lock; false when the post is gone (deleted in the meantime).
     */
    public boolean countComment(long postId) {
        return posts.countComment(postId);
    }

    /** A deleted comment no longer counts, in the deleter's transaction. */
    public void uncountComment(long postId) {
        posts.uncountComment(postId);
    }

    /** Takes the post's row lock for the rest of the transaction; false when the post is gone. */
    public boolean lock(long postId) {
        return posts.lock(postId);
    }

    /**
     * The author's new text. Absent or invisible: 404; visible but someone else's: 403; text as
     * for creating. The same text again changes nothing (not even "edited"), publishes nothing and
     * spends nothing; a change is paid from the author's budget for edits and deletes.
     */
    @Transactional
    public Post edit(SessionUser editor, long postId, String content) {
        Post post = authored(postId, editor);
        String text = TextInput.require(content, "content", "A post", MAX_LENGTH);
        if (text.equals(post.content())) {
            return post;
        }
        budgets.spend(Budget.EDITS, editor.id());
        Instant now = SqlTime.now(clock);
        if (!posts.update(postId, text, now)) {
            throw notFound();
        }
        events.publishEvent(PostUpdated.of(accounts.actor(editor.id()), postId, text, now));
        return posts.findVisible(postId, editor.id()).orElseThrow();
    }

    /**
     * Deletes the author's post and its comments. Idempotent for the author: a post they already
     * deleted (also by a concurrent request) answers as the first delete did, and publishes
     * nothing. For anyone else a deleted post is as absent as one that never existed: 404. Paid from
     * the author's budget for edits and deletes, before the post's lock is taken (every write takes
     * its budget's lock first, so two writes of one author never wait for each other in a circle).
     */
    @Transactional
    public void delete(SessionUser author, long postId) {
        Optional<Post> post = posts.findVisible(postId, author.id());
        if (post.isEmpty()) {
            if (posts.deletedBy(postId, author.id())) {
                return;
            }
            throw notFound();
        }
        if (!post.get().isBy(author.id())) {
            throw new NotTheAuthorException("Only its author can delete a post.");
        }
        budgets.spend(Budget.EDITS, author.id());
        if (!posts.lock(postId)) {
            return; // deleted by a concurrent request of the author's, which published the event
        }
        Instant now = SqlTime.now(clock);
        // Published before the row goes: the comment feature deletes the post's comments in this
        // transaction as it hears of it (they reference the post), and the outbox records it.
        events.publishEvent(PostDeleted.of(accounts.actor(author.id()), postId, now));
        posts.delete(postId, author.id(), now);
    }

    /** The post if {@code user} may see it and wrote it: 404 when invisible, 403 when someone else's. */
    public Post authored(long postId, SessionUser user) {
        Post post = visible(postId, user);
        if (!post.isBy(user.id())) {
            throw new NotTheAuthorException("Only its author can change a post.");
        }
        return post;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such post.");
    }
}
