package io.bsocial.web.comment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentLiked;
import io.bsocial.shared.events.CommentUnliked;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.NotTheAuthorException;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

/** Comments on posts the commenter may see (the same visibility as reading the post). */
@Service
public class CommentService {

    public static final int MAX_LENGTH = 1_000;

    private final Posts posts;
    private final CommentRepository comments;
    private final Accounts accounts;
    private final Blocks blocks;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(Posts posts, CommentRepository comments, Accounts accounts, Blocks blocks, Budgets budgets,
            ApplicationEventPublisher events, Clock clock) {
        this.blocks = blocks;
        this.accounts = accounts;
        this.budgets = budgets;
        this.events = events;
        this.posts = posts;
        this.comments = comments;
        this.clock = clock;
    }

    /** A top-level comment. */
    @Transactional
    public Comment create(SessionUser author, long postId, String content) {
        return create(author, postId, content, null);
    }

    /**
     * A comment, or with {@code parentId} a reply to that comment of this post (replying to a reply
     * joins its top-level comment's thread, and answers the reply's author); paid from the author's
     * budget for posts and comments (the same one as posts). A {@code parentId} that is not a
     * comment of this post is a 400.
     */
    @Transactional
    public Comment create(SessionUser author, long postId, String content, Long parentId) {
        Post post = posts.visible(postId, author);
        String text = TextInput.require(content, "content", "A comment", MAX_LENGTH);
        budgets.spend(Budget.POSTS, author.id());
        Instant now = SqlTime.now(clock);
        // Counting first takes the post's row lock: a delete of the post in the meantime makes it a 404,
        // and the comment answered cannot go (its delete takes the same lock) before the reply is in.
        if (!posts.countComment(post.id())) {
            throw new NotFoundException("This post was deleted, or you can no longer see it.");
        }
        Comment answered = parentId == null ? null : comments.find(post.id(), parentId, author.id())
                .orElseThrow(() -> new InvalidInputException("parentId", "There is no such comment on this post to reply to."));
        Long thread = answered == null ? null : answered.threadId();
        Long replyTo = answered == null ? null : answered.author().id();
        long id = comments.insert(post.id(), author.id(), text, now, thread, replyTo);
        List<UserView> mentioned = mentionable(author.id(), posts.mentionsIn(text));
        List<Long> notified = mark(id, post, author.id(), mentioned);
        events.publishEvent(CommentCreated.of(accounts.actor(author.id()), post.id(), id, text, post.author().id(),
                post.author().username(), thread, replyTo, notified, Posts.excerpt(post.content()), now));
        AccountView me = accounts.account(author.id()).orElseThrow();
        UserView commenter = new UserView(me.id(), me.username(), me.firstName(), me.lastName(), me.bio(), me.avatarUrl());
        return new Comment(id, post.id(), commenter, text, now, null, 0, false, thread, mentioned);
    }

    /**
     * Stores the comment's mentions; the ids of those who may see it and have not muted or blocked
     * its author (whom events name: the notifier notifies them).
     */
    private List<Long> mark(long commentId, Post post, long authorId, List<UserView> mentioned) {
        List<Long> ids = mentioned.stream().map(UserView::id).toList();
        comments.saveMentions(commentId, ids);
        Set<Long> seeing = posts.maySee(post.author().id(), ids);
        Set<Long> silencing = blocks.silencing(authorId, ids);
        return ids.stream().filter(id -> seeing.contains(id) && !silencing.contains(id)).toList();
    }

    /** The mentions a comment shows: nobody in a block with its author (their {@code @name} stays text). */
    private List<UserView> mentionable(long authorId, List<UserView> mentioned) {
        Set<Long> blocked = blocks.blockedEitherWay(authorId, mentioned.stream().map(UserView::id).toList());
        return mentioned.stream().filter(user -> !blocked.contains(user.id())).toList();
    }

    /**
     * The author's new text, under the same rules as the post's: 404 when the post is not visible
     * or has no such comment, 403 when it is someone else's, 400 for text a new comment could not
     * have. The same text again changes nothing, publishes nothing and spends nothing; a change is
     * paid from the author's budget for edits and deletes.
     */
    @Transactional
    public Comment edit(SessionUser editor, long postId, long commentId, String content) {
        Comment comment = authored(editor, postId, commentId);
        String text = TextInput.require(content, "content", "A comment", MAX_LENGTH);
        if (text.equals(comment.content())) {
            return comment;
        }
        budgets.spend(Budget.EDITS, editor.id());
        Instant now = SqlTime.now(clock);
        if (!comments.update(commentId, text, now)) {
            throw notFound();
        }
        Post post = posts.visible(postId, editor);
        List<UserView> mentioned = mentionable(editor.id(), posts.mentionsIn(text));
        List<Long> notified = mark(commentId, post, editor.id(), mentioned);
        events.publishEvent(CommentUpdated.of(accounts.actor(editor.id()), postId, commentId, text, comment.parentId(),
                comments.replyTo(commentId), notified, now));
        return new Comment(commentId, postId, comment.author(), text, comment.createdAt(), now, comment.likeCount(),
                comment.likedByMe(), comment.parentId(), mentioned);
    }

    /**
     * Deletes the author's comment and uncounts it; a top-level comment takes its replies with it
     * (each uncounted, and each announced, so that their notifications are withdrawn). Idempotent for its author (also when it went
     * with its post); 404 for anyone else once it is gone, 403 while it is someone else's. Paid from
     * the author's budget for edits and deletes, whose lock comes before the post's (as in
     * {@code Posts.delete}).
     */
    @Transactional
    public void delete(SessionUser author, long postId, long commentId) {
        Optional<Post> post = posts.findVisible(postId, author.id());
        Optional<Comment> comment = post.flatMap(visible -> comments.find(visible.id(), commentId, author.id()));
        if (comment.isEmpty()) {
            if (comments.deletedBy(postId, commentId, author.id())) {
                return;
            }
            throw notFound();
        }
        if (!comment.get().isBy(author.id())) {
            throw new NotTheAuthorException("Only its author can delete a comment.");
        }
        budgets.spend(Budget.EDITS, author.id());
        Instant now = SqlTime.now(clock);
        // The post's lock first, as a delete of the post takes it: the two never deadlock. Either
        // finding it gone means a concurrent delete already did the work and published it.
        if (!posts.lock(postId)) {
            return;
        }
        List<Long> gone = new ArrayList<>(comments.replyIds(commentId));
        gone.add(commentId);
        for (long id : gone) {
            if (comments.delete(id, now)) {
                posts.uncountComment(postId);
                events.publishEvent(CommentDeleted.of(accounts.actor(author.id()), postId, id, post.get().author().id(),
                        now));
            }
        }
    }

    /**
     * A moderator removes a reported comment (and its replies), as its author's delete does: the
     * post's lock, one {@code CommentDeleted} per comment, the post's count; no budget. False when
     * it was gone already.
     */
    @Transactional
    public boolean removeAsModerator(long commentId) {
        Optional<Long> postId = comments.postOf(commentId);
        if (postId.isEmpty() || !posts.lock(postId.get())) {
            return false;
        }
        Optional<Long> postAuthor = posts.authorOf(postId.get());
        Optional<Long> author = comments.authorOf(commentId);
        if (postAuthor.isEmpty() || author.isEmpty()) {
            return false;
        }
        Instant now = SqlTime.now(clock);
        List<Long> gone = new ArrayList<>(comments.replyIds(commentId));
        gone.add(commentId);
        boolean removed = false;
        for (long id : gone) {
            Optional<Long> writer = id == commentId ? author : comments.authorOf(id);
            if (writer.isPresent() && comments.delete(id, now)) {
                removed = true;
                posts.uncountComment(postId.get());
                events.publishEvent(CommentDeleted.of(accounts.actor(writer.get()), postId.get(), id,
                        postAuthor.get(), now));
            }
        }
        return removed;
    }

    /** The comment if {@code viewer} may see its post and it is one of that post's; else 404. */
    @Transactional(readOnly = true)
    public Comment visible(SessionUser viewer, long postId, long commentId) {
        return posts.findVisible(postId, viewer.id()).flatMap(post -> comments.find(post.id(), commentId, viewer.id()))
                .map(comment -> comments.withMentions(List.of(comment)).get(0))
                .orElseThrow(CommentService::notFound);
    }

    /** The comment with this id, whichever its post, if {@code viewer} may see it. */
    @Transactional(readOnly = true)
    public Optional<Comment> findById(SessionUser viewer, long commentId) {
        return comments.postOf(commentId).flatMap(postId -> find(viewer, postId, commentId));
    }

    /** The comment, if {@code viewer} may see it. */
    @Transactional(readOnly = true)
    public Optional<Comment> find(SessionUser viewer, long postId, long commentId) {
        return posts.findVisible(postId, viewer.id()).flatMap(post -> comments.find(post.id(), commentId, viewer.id()));
    }

    /** The comment if {@code user} may see it and wrote it: 404 when invisible, 403 when someone else's. */
    @Transactional(readOnly = true)
    public Comment authored(SessionUser user, long postId, long commentId) {
        Comment comment = visible(user, postId, commentId);
        if (!comment.isBy(user.id())) {
            throw new NotTheAuthorException("Only its author can change a comment.");
        }
        return comment;
    }

    /**
     * The caller likes the comment (once, however often they ask), paid from their budget for
     * likes. The post's row is locked first, as a delete of the comment or of its post takes it.
     */
    @Transactional
    public Posts.Likes like(SessionUser me, long postId, long commentId) {
        Comment comment = visible(me, postId, commentId);
        budgets.spend(Budget.LIKES, me.id());
        // Under the post's lock the comment is there or deleted for good: no like of a deleted comment.
        if (!posts.lock(postId) || comments.find(postId, comment.id(), me.id()).isEmpty()) {
            throw notFound();
        }
        Instant now = SqlTime.now(clock);
        if (comments.like(comment.id(), me.id(), now)) {
            Post post = posts.visible(postId, me);
            events.publishEvent(CommentLiked.of(accounts.actor(me.id()), postId, comment.id(), comment.author().id(),
                    Posts.excerpt(post.content()), now));
        }
        return new Posts.Likes(true, comments.likeCount(comment.id()));
    }

    /** The caller's like of the comment taken back, if there was one; paid like a like. */
    @Transactional
    public Posts.Likes unlike(SessionUser me, long postId, long commentId) {
        Comment comment = visible(me, postId, commentId);
        budgets.spend(Budget.LIKES, me.id());
        if (!posts.lock(postId)) {
            throw notFound();
        }
        if (comments.unlike(comment.id(), me.id())) {
            events.publishEvent(CommentUnliked.of(accounts.actor(me.id()), postId, comment.id(), comment.author().id(),
                    SqlTime.now(clock)));
        }
        return new Posts.Likes(false, comments.likeCount(comment.id()));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such comment.");
    }

    /**
     * The conversation a post's page opens with: the first page of top-level comments, each with its
     * replies; or, opened at one of this post's comments (or replies), the page that starts with its
     * thread. A comment id of another post (visible or not) or of a deleted comment opens the first
     * page, as if none were given: nothing leaks.
     */
    @Transactional(readOnly = true)
    public Discussion discussion(SessionUser viewer, long postId, Long commentId) {
        Post post = posts.visible(postId, viewer);
        Optional<Cursor> target = commentId == null ? Optional.empty() : comments.threadPosition(post.id(), commentId);
        if (target.isEmpty()) {
            PageRequest first = new PageRequest(PageRequest.DEFAULT_LIMIT, Cursor.OLDEST);
            return new Discussion(threads(CursorPage.of(comments.page(post.id(), viewer.id(), first, true), first,
                    Comment::position), viewer), null, null);
        }
        Cursor at = target.get();
        PageRequest from = new PageRequest(PageRequest.DEFAULT_LIMIT, at);
        CursorPage<Comment> page = CursorPage.of(comments.pageFrom(post.id(), viewer.id(), at, from.fetchSize(), true),
                from, Comment::position);
        boolean earlier = !comments.pageBefore(post.id(), viewer.id(), new PageRequest(1, at), true).isEmpty();
        return new Discussion(threads(page, viewer), earlier ? at.encode() : null, commentId);
    }

    /**
     * The threads just before the cursor, oldest first, with the cursor of the ones before them
     * ({@code null} at the first comment): "Load earlier comments".
     */
    @Transactional(readOnly = true)
    public CursorPage<CommentThread> earlier(SessionUser viewer, long postId, PageRequest page) {
        Post post = posts.visible(postId, viewer);
        CursorPage<Comment> newestFirst = CursorPage.of(comments.pageBefore(post.id(), viewer.id(), page, true), page,
                Comment::position);
        List<Comment> oldestFirst = new ArrayList<>(newestFirst.items());
        Collections.reverse(oldestFirst);
        return threads(new CursorPage<>(List.copyOf(oldestFirst), newestFirst.nextCursor()), viewer);
    }

    /** The next page of a post's threads ("Load more comments"). */
    @Transactional(readOnly = true)
    public CursorPage<CommentThread> threads(SessionUser viewer, long postId, PageRequest page) {
        Post post = posts.visible(postId, viewer);
        return threads(CursorPage.of(comments.page(post.id(), viewer.id(), page, true), page, Comment::position), viewer);
    }

    /** Every comment of the post, replies included, oldest first (the API's list). */
    @Transactional(readOnly = true)
    public CursorPage<Comment> page(SessionUser viewer, long postId, PageRequest page) {
        Post post = posts.visible(postId, viewer);
        CursorPage<Comment> flat = CursorPage.of(comments.page(post.id(), viewer.id(), page, false), page,
                Comment::position);
        return new CursorPage<>(comments.withMentions(flat.items()), flat.nextCursor());
    }

    /** Top-level comments with their replies (one query for all of them) and everyone's mentions. */
    private CursorPage<CommentThread> threads(CursorPage<Comment> topLevel, SessionUser viewer) {
        List<Comment> replies = comments.repliesOf(topLevel.items().stream().map(Comment::id).toList(), viewer.id());
        List<Comment> all = new ArrayList<>(topLevel.items());
        all.addAll(replies);
        Map<Long, Comment> marked = new HashMap<>();
        comments.withMentions(all).forEach(comment -> marked.put(comment.id(), comment));
        Map<Long, List<Comment>> byThread = new HashMap<>();
        replies.forEach(reply -> byThread.computeIfAbsent(reply.parentId(), id -> new ArrayList<>())
                .add(marked.get(reply.id())));
        List<CommentThread> threads = topLevel.items().stream()
                .map(comment -> new CommentThread(marked.get(comment.id()), byThread.getOrDefault(comment.id(), List.of())))
                .toList();
        return new CursorPage<>(threads, topLevel.nextCursor());
    }
}
