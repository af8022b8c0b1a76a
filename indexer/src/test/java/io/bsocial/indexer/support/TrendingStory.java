package io.bsocial.indexer.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostUpdated;

/**
 * Hashtagged posts of the last hours, for {@code queries/trending-tags.json}, with the answers it
 * must give for a 24-hour and a 48-hour window (authors 60-67, posts 901-922: nothing else in the
 * seed is theirs, and no post here has comments, so the other queries' answers do not move):
 * <ul>
 * <li>{@code java} and {@code rust}: three posts by three authors each (a tie: the key decides);
 * <li>{@code spam}: one author's five posts — the most posts, but one author;
 * <li>{@code kafka}: three posts by three authors, one of them deleted: it counts two;
 * <li>post 910, edited twice: counted once, with the tags of its last edit ({@code rust},
 *     {@code wasm}); {@code draft} and {@code wip}, edited away, count nowhere;
 * <li>{@code x1}..{@code x6}: one post's six tags, more than ten tags in all;
 * <li>posts 920-922, 25 and 30 hours old: only in the 48-hour window.
 * </ul>
 */
public final class TrendingStory {

    private final Instant now;
    private final List<BsocialEvent> kept = new ArrayList<>();
    private final List<BsocialEvent> erased = new ArrayList<>();

    public TrendingStory(Instant now) {
        this.now = now;
        post(60, 901, 2, "java", "kafka");
        post(61, 902, 3, "java", "kafka");
        post(62, 903, 4, "java");
        erased.add(created(64, 904, 5, "kafka"));
        kept.add(PostDeleted.of(actor(64), 904, hoursAgo(1)));
        for (int i = 0; i < 5; i++) {
            post(63, 905 + i, 6 + i, "spam");
        }
        post(65, 910, 6, "rust", "draft");
        kept.add(PostUpdated.of(actor(65), 910, "edited", List.of("draft", "wip"), List.of(), hoursAgo(5)));
        kept.add(PostUpdated.of(actor(65), 910, "edited again", List.of("rust", "wasm"), List.of(), hoursAgo(4)));
        post(60, 911, 11, "rust");
        post(61, 912, 12, "rust");
        post(62, 913, 13, "x1", "x2", "x3", "x4", "x5", "x6");
        post(66, 920, 30, "java");
        post(67, 921, 30, "java");
        post(66, 922, 25, "oldtag");
    }

    /** What the indexer keeps: the deleted post's create is erased, its deletion stays. */
    public List<BsocialEvent> kept() {
        return kept;
    }

    /** What the deletion erased (had it counted, kafka would have three posts and authors). */
    public List<BsocialEvent> erased() {
        return erased;
    }

    /** The answer for hours=24, as {tag, posts, authors}: ten tags, most posts first, then by name. */
    public List<Object[]> expected24() {
        return List.of(tag("spam", 5, 1), tag("java", 3, 3), tag("rust", 3, 3), tag("kafka", 2, 2),
                tag("wasm", 1, 1), tag("x1", 1, 1), tag("x2", 1, 1), tag("x3", 1, 1), tag("x4", 1, 1), tag("x5", 1, 1));
    }

    /** The answer for hours=48: the posts of 25 and 30 hours ago count too. */
    public List<Object[]> expected48() {
        return List.of(tag("java", 5, 5), tag("spam", 5, 1), tag("rust", 3, 3), tag("kafka", 2, 2),
                tag("oldtag", 1, 1), tag("wasm", 1, 1), tag("x1", 1, 1), tag("x2", 1, 1), tag("x3", 1, 1), tag("x4", 1, 1));
    }

    private void post(long author, long postId, int hoursAgo, String... tags) {
        kept.add(created(author, postId, hoursAgo, tags));
    }

    private PostCreated created(long author, long postId, int hoursAgo, String... tags) {
        StringBuilder content = new StringBuilder("post " + postId);
        for (String tag : tags) {
            content.append(" #").append(tag);
        }
        return PostCreated.of(actor(author), postId, content.toString(), List.of(tags), List.of(), hoursAgo(hoursAgo));
    }

    private Instant hoursAgo(int hours) {
        return now.minus(Duration.ofHours(hours));
    }

    private static Object[] tag(String tag, long posts, long authors) {
        return new Object[] {tag, posts, authors};
    }

    private static Actor actor(long id) {
        return new Actor(id, "user" + id, "user" + id + "@example.com");
    }
}
