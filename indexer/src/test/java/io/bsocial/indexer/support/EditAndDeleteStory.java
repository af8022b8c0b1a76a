package io.bsocial.indexer.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostUpdated;

/**
 * One author's four posts through edits and deletions, for the query contract (which seeds what
 * the indexer keeps of it) and the ingest tests (which send all of it through Kafka):
 * <ul>
 * <li>{@code deletedTop} (first id): three comments, then deleted — it would be the top post;
 * <li>{@code worst}: two comments, one of them edited and then deleted — it counts one;
 * <li>{@code top}: two comments, the post and both comments edited — it counts two;
 * <li>{@code deletedWorst}: no comment, deleted — it would be the worst post.
 * </ul>
 * Comments are written {@code daysAgo(5)} ({@code worst}, {@code deletedTop}) and
 * {@code daysAgo(4)} ({@code top}), edits {@code daysAgo(3)}, deletions {@code daysAgo(2)}.
 */
public final class EditAndDeleteStory {

    public final long author;
    public final long deletedTop;
    public final long worst;
    public final long top;
    public final long deletedWorst;

    private final List<BsocialEvent> creates = new ArrayList<>();
    private final List<BsocialEvent> edits = new ArrayList<>();
    private final List<BsocialEvent> deletions = new ArrayList<>();
    private final List<BsocialEvent> erased = new ArrayList<>();

    /** Post ids {@code firstPost}..+3; comment ids {@code firstPost * 10}..+6. */
    public EditAndDeleteStory(long author, long firstPost, IntFunction<Instant> daysAgo) {
        this.author = author;
        this.deletedTop = firstPost;
        this.worst = firstPost + 1;
        this.top = firstPost + 2;
        this.deletedWorst = firstPost + 3;
        Actor writer = actor(author);
        Actor reader = actor(author + 1);
        long comment = firstPost * 10;
        for (long post = deletedTop; post <= deletedWorst; post++) {
            creates.add(PostCreated.of(writer, post, "post " + post, daysAgo.apply(40)));
        }
        for (int i = 0; i < 3; i++) {
            erased.add(comment(reader, deletedTop, comment++, daysAgo.apply(5)));
        }
        comment(reader, worst, comment++, daysAgo.apply(5));
        long deletedComment = comment++;
        erased.add(comment(reader, worst, deletedComment, daysAgo.apply(5)));
        erased.add(CommentUpdated.of(reader, worst, deletedComment, "edited, then deleted", daysAgo.apply(3)));
        edits.add(PostUpdated.of(writer, top, "post " + top + ", edited", daysAgo.apply(3)));
        for (int i = 0; i < 2; i++) {
            comment(reader, top, comment, daysAgo.apply(4));
            edits.add(CommentUpdated.of(reader, top, comment++, "edited", daysAgo.apply(3)));
        }
        erased.add(creates.get(0));
        erased.add(creates.get(3));
        deletions.add(CommentDeleted.of(reader, worst, deletedComment, author, daysAgo.apply(2)));
        deletions.add(PostDeleted.of(writer, deletedTop, daysAgo.apply(2)));
        deletions.add(PostDeleted.of(writer, deletedWorst, daysAgo.apply(2)));
        edits.addAll(erased.stream().filter(e -> e instanceof CommentUpdated).toList());
    }

    /** Posts and comments, in the order they were written. */
    public List<BsocialEvent> creates() {
        return creates;
    }

    /** The edits, also that of the comment deleted later. */
    public List<BsocialEvent> edits() {
        return edits;
    }

    public List<BsocialEvent> deletions() {
        return deletions;
    }

    /** Everything, in the order it happened. */
    public List<BsocialEvent> all() {
        List<BsocialEvent> all = new ArrayList<>(creates);
        all.addAll(edits);
        all.addAll(deletions);
        return all;
    }

    /** The events whose documents the deletions erase: they carry deleted content or count for it. */
    public List<BsocialEvent> erased() {
        return erased;
    }

    /** What the indexer keeps once everything arrived. */
    public List<BsocialEvent> kept() {
        List<BsocialEvent> kept = new ArrayList<>(all());
        kept.removeAll(erased);
        return kept;
    }

    private BsocialEvent comment(Actor by, long postId, long commentId, Instant at) {
        CommentCreated comment = CommentCreated.of(by, postId, commentId, "comment " + commentId, author, "user" + author, at);
        creates.add(comment);
        return comment;
    }

    private static Actor actor(long id) {
        return new Actor(id, "user" + id, "user" + id + "@example.com");
    }
}
