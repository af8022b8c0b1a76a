package io.bsocial.web.post;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.PostUnliked;
import io.bsocial.shared.events.PostUpdated;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.account.UserView;
import io.bsocial.web.post.internal.FeedRepository;
import io.bsocial.web.post.internal.PostMarks;
import io.bsocial.web.post.internal.PostRepository;
import io.bsocial.web.post.internal.TaggedPosts;
import io.bsocial.web.reading.Hashtags;
import io.bsocial.web.reading.MentionNames;
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
    private final PostMarks marks;
    private final TaggedPosts tagged;
    private final Accounts accounts;
    private final Blocks blocks;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Posts(PostRepository posts, FeedRepository feed, PostMarks marks, TaggedPosts tagged, Accounts accounts,
            Blocks blocks, Budgets budgets, ApplicationEventPublisher events, Clock clock) {
        this.blocks = blocks;
        this.posts = posts;
        this.feed = feed;
        this.marks = marks;
        this.tagged = tagged;
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
        Marks marked = mark(id, author.id(), text, now);
        events.publishEvent(PostCreated.of(accounts.actor(author.id()), id, text, marked.tags(), marked.notified(), now));
        return findVisible(id, author.id()).orElseThrow();
    }

    /**
     * A text's tags, and the ids of the accounts it mentions who may see it and have not muted or
     * blocked its author (whom events name).
     */
    private record Marks(List<String> tags, List<Long> notified) {
    }

    /** Stores the post's tags and mentions as its text now stands. */
    private Marks mark(long postId, long authorId, String text, Instant postedAt) {
        List<String> tags = Hashtags.in(text);
        List<Long> mentioned = mentionsIn(text).stream().map(UserView::id).toList();
        marks.save(postId, postedAt, tags, mentioned);
        Set<Long> seeing = marks.maySee(authorId, mentioned);
        Set<Long> silencing = blocks.silencing(authorId, mentioned);
        return new Marks(tags, mentioned.stream().filter(id -> seeing.contains(id) && !silencing.contains(id)).toList());
    }

    /** The accounts a text names with {@code @username}, in the text's order. */
    public List<UserView> mentionsIn(String text) {
        return MentionNames.ordered(text, accounts.byUsernames(MentionNames.in(text)));
    }

    /**
     * Who of the accounts a text would mention could not see it, were {@code authorId} to post it
     * (the composer warns of them): neither its author nor following the author.
     */
    public List<UserView> unseeing(long authorId, String text) {
        List<UserView> mentioned = mentionsIn(text);
        Set<Long> seeing = marks.maySee(authorId, mentioned.stream().map(UserView::id).toList());
        return mentioned.stream().filter(user -> !seeing.contains(user.id())).toList();
    }

    /** Of these accounts, the ids of those who may see the posts of {@code authorId}. */
    public Set<Long> maySee(long authorId, Collection<Long> userIds) {
        return marks.maySee(authorId, userIds);
    }

    /** A page of the posts {@code viewerId} may see that carry the tag, newest first. */
    public List<Post> tagged(String tag, long viewerId, PageRequest page) {
        return marks.withMentions(tagged.page(tag, viewerId, page));
    }

    /** The post if {@code viewer} may see it; absent and invisible posts are the same 404. */
    public Post visible(long postId, SessionUser viewer) {
        return findVisible(postId, viewer.id()).orElseThrow(Posts::notFound);
    }

    /** The post, if it exists and {@code viewerId} may see it. */
    public Optional<Post> findVisible(long postId, long viewerId) {
        return posts.findVisible(postId, viewerId).map(post -> marks.withMentions(List.of(post)).get(0));
    }

    /** A page of one author's posts, newest first; empty unless {@code viewerId} may see them. */
    public List<Post> byAuthor(long authorId, long viewerId, PageRequest page) {
        return marks.withMentions(posts.byAuthor(authorId, viewerId, page));
    }

    /** A page of the feed: the viewer's posts and those of everyone they follow, newest first. */
    public List<Post> feed(long viewerId, PageRequest page) {
        return marks.withMentions(feed.page(viewerId, page));
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
        Marks marked = mark(postId, editor.id(), text, post.createdAt());
        events.publishEvent(PostUpdated.of(accounts.actor(editor.id()), postId, text, marked.tags(), marked.notified(),
                now));
        return findVisible(postId, editor.id()).orElseThrow();
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

    /**
     * A moderator removes a reported post: as its author's delete does (its comments go with it, the
     * same {@code PostDeleted} event, so timelines, counters and the notifier follow), without the
     * author's budget. False when it was gone already (deleted meanwhile, by its author or by another
     * moderator: the post's lock orders them).
     */
    @Transactional
    public boolean removeAsModerator(long postId) {
        Optional<Long> author = posts.authorOf(postId);
        if (author.isEmpty() || !posts.lock(postId)) {
            return false;
        }
        Instant now = SqlTime.now(clock);
        events.publishEvent(PostDeleted.of(accounts.actor(author.get()), postId, now));
        posts.delete(postId, author.get(), now);
        return true;
    }

    /** The author of a post that exists (whoever may see it), for moderation. */
    public Optional<Long> authorOf(long postId) {
        return posts.authorOf(postId);
    }

    /** A post's likes as the like and unlike calls answer them: the caller's, and how many. */
    public record Likes(boolean liked, int likeCount) {
    }

    /**
     * The caller likes the post (once, however often they ask), paid from their budget for likes.
     * The post's row is locked first: a like and a delete of the post are ordered, and concurrent
     * likes count one after another.
     */
    @Transactional
    public Likes like(SessionUser me, long postId) {
        Post post = visible(postId, me);
        budgets.spend(Budget.LIKES, me.id());
        if (!posts.lock(post.id())) {
            throw notFound(); // deleted meanwhile
        }
        Instant now = SqlTime.now(clock);
        if (posts.like(post.id(), me.id(), now)) {
            events.publishEvent(PostLiked.of(accounts.actor(me.id()), post.id(), post.author().id(),
                    excerpt(post.content()), now));
        }
        return new Likes(true, posts.likeCount(post.id()));
    }

    /** The caller's like taken back, if there was one; paid like a like. */
    @Transactional
    public Likes unlike(SessionUser me, long postId) {
        Post post = visible(postId, me);
        budgets.spend(Budget.LIKES, me.id());
        if (!posts.lock(post.id())) {
            throw notFound();
        }
        if (posts.unlike(post.id(), me.id())) {
            events.publishEvent(PostUnliked.of(accounts.actor(me.id()), post.id(), post.author().id(),
                    SqlTime.now(clock)));
        }
        return new Likes(false, posts.likeCount(post.id()));
    }

    /** The post's first 80 characters (code points), as events name the post they are about. */
    public static String excerpt(String content) {
        return content.codePoints().limit(80)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
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
        return new NotFoundException("This post was deleted, or you can no longer see it.");
    }
}
