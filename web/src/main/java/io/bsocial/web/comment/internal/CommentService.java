package io.bsocial.web.comment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.NotTheAuthorException;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

/** Comments on posts the commenter may see (the same visibility as reading the post). */
@Service
public class CommentService {

    public static final int MAX_LENGTH = 1_000;

    private final Posts posts;
    private final CommentRepository comments;
    private final Accounts accounts;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(Posts posts, CommentRepository comments, Accounts accounts, Budgets budgets,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.budgets = budgets;
        this.events = events;
        this.posts = posts;
        this.comments = comments;
        this.clock = clock;
    }

    /** A comment, paid from the author's budget for posts and comments (the same one as posts). */
    @Transactional
    public Comment create(SessionUser author, long postId, String content) {
        Post post = posts.visible(postId, author);
        String text = TextInput.require(content, "content", "A comment", MAX_LENGTH);
        budgets.spend(Budget.POSTS, author.id());
        Instant now = SqlTime.now(clock);
        // Counting first takes the post's row lock: a delete of the post in the meantime makes it a 404.
        if (!posts.countComment(post.id())) {
            throw new NotFoundException("No such post.");
        }
        long id = comments.insert(post.id(), author.id(), text, now);
        events.publishEvent(CommentCreated.of(accounts.actor(author.id()), post.id(), id, text, post.author().id(),
                post.author().username(), now));
        UserView commenter = new UserView(author.id(), author.username(), author.firstName(), author.lastName());
        return new Comment(id, post.id(), commenter, text, now, null);
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
        events.publishEvent(CommentUpdated.of(accounts.actor(editor.id()), postId, commentId, text, now));
        return new Comment(commentId, postId, comment.author(), text, comment.createdAt(), now);
    }

    /**
     * Deletes the author's comment and uncounts it. Idempotent for its author (also when it went
     * with its post); 404 for anyone else once it is gone, 403 while it is someone else's. Paid from
     * the author's budget for edits and deletes, whose lock comes before the post's (as in
     * {@code Posts.delete}).
     */
    @Transactional
    public void delete(SessionUser author, long postId, long commentId) {
        Optional<Post> post = posts.findVisible(postId, author.id());
        Optional<Comment> comment = post.flatMap(visible -> comments.find(visible.id(), commentId));
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
        if (!posts.lock(postId) || !comments.delete(commentId, now)) {
            return;
        }
        posts.uncountComment(postId);
        events.publishEvent(CommentDeleted.of(accounts.actor(author.id()), postId, commentId,
                post.get().author().id(), now));
    }

    /** The comment if {@code viewer} may see its post and it is one of that post's; else 404. */
    @Transactional(readOnly = true)
    public Comment visible(SessionUser viewer, long postId, long commentId) {
        return posts.findVisible(postId, viewer.id()).flatMap(post -> comments.find(post.id(), commentId))
                .orElseThrow(CommentService::notFound);
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

    private static NotFoundException notFound() {
        return new NotFoundException("No such comment.");
    }

    /**
     * The comments a post's page opens with: the first page; or, opened at one of this post's
     * comments, the page that starts with it. A comment id of another post (visible or not) or of
     * a deleted comment opens the first page, as if none were given: nothing leaks.
     */
    @Transactional(readOnly = true)
    public Discussion discussion(SessionUser viewer, long postId, Long commentId) {
        Post post = posts.visible(postId, viewer);
        Optional<Cursor> target = commentId == null ? Optional.empty() : comments.position(post.id(), commentId);
        if (target.isEmpty()) {
            PageRequest first = new PageRequest(PageRequest.DEFAULT_LIMIT, Cursor.OLDEST);
            return new Discussion(CursorPage.of(comments.page(post.id(), first), first, Comment::position), null, null);
        }
        Cursor at = target.get();
        PageRequest from = new PageRequest(PageRequest.DEFAULT_LIMIT, at);
        CursorPage<Comment> page = CursorPage.of(comments.pageFrom(post.id(), at, from.fetchSize()), from,
                Comment::position);
        boolean earlier = !comments.pageBefore(post.id(), new PageRequest(1, at)).isEmpty();
        return new Discussion(page, earlier ? at.encode() : null, at.id());
    }

    /**
     * The comments just before the cursor, oldest first, with the cursor of the ones before them
     * ({@code null} at the first comment): "Load earlier comments".
     */
    @Transactional(readOnly = true)
    public CursorPage<Comment> earlier(SessionUser viewer, long postId, PageRequest page) {
        Post post = posts.visible(postId, viewer);
        CursorPage<Comment> newestFirst = CursorPage.of(comments.pageBefore(post.id(), page), page, Comment::position);
        List<Comment> oldestFirst = new ArrayList<>(newestFirst.items());
        Collections.reverse(oldestFirst);
        return new CursorPage<>(List.copyOf(oldestFirst), newestFirst.nextCursor());
    }

    @Transactional(readOnly = true)
    public CursorPage<Comment> page(SessionUser viewer, long postId, PageRequest page) {
        Post post = posts.visible(postId, viewer);
        return CursorPage.of(comments.page(post.id(), page), page, Comment::position);
    }
}
