package io.bsocial.notifier.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.kafka.core.KafkaTemplate;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentLiked;
import io.bsocial.shared.events.CommentUnliked;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.PostUnliked;
import io.bsocial.shared.events.PostUpdated;
import io.bsocial.shared.events.UserBlocked;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.events.UserMuted;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.events.UserUnblocked;
import io.bsocial.shared.events.UserUnmuted;

/** Publishes events as web does (same records, same JSON, same keys) to the test broker. */
public final class Events {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000);

    private Events() {
    }

    public static long nextId() {
        return IDS.incrementAndGet();
    }

    public static CommentCreated comment(long commenterId, String commenter, long postId, long authorId, String author,
            String content) {
        return CommentCreated.of(new Actor(commenterId, commenter, commenter + "@example.com"), postId, nextId(),
                content, authorId, author, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public static UserFollowed followed(long followerId, String follower, long followedId, String followed,
            Instant at) {
        return UserFollowed.of(new Actor(followerId, follower, follower + "@example.com"), followedId, followed, at);
    }

    /** An edit of the comment, by its author, at {@code at}. */
    public static CommentUpdated commentUpdated(CommentCreated comment, String content, Instant at) {
        return CommentUpdated.of(new Actor(comment.userId(), comment.username(), comment.email()), comment.postId(),
                comment.commentId(), content, at);
    }

    public static CommentDeleted commentDeleted(CommentCreated comment) {
        return CommentDeleted.of(new Actor(comment.userId(), comment.username(), comment.email()), comment.postId(),
                comment.commentId(), comment.postAuthorId(), Instant.now());
    }

    public static PostDeleted postDeleted(long authorId, String author, long postId) {
        return PostDeleted.of(new Actor(authorId, author, author + "@example.com"), postId, Instant.now());
    }

    public static UserRegistered registered(long id, String username, String first, String last) {
        return UserRegistered.of(new Actor(id, username, username + "@example.com"), first, last, Instant.now());
    }

    private static Actor actor(long id, String username) {
        return new Actor(id, username, username + "@example.com");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A comment with everything the conversation adds: a reply when {@code replyTo} is set, mentions, the post's excerpt. */
    public static CommentCreated comment(long commenterId, String commenter, long postId, long authorId, String author,
            String content, Long parentId, Long replyTo, List<Long> mentioned, String postExcerpt) {
        return CommentCreated.of(actor(commenterId, commenter), postId, nextId(), content, authorId, author, parentId,
                replyTo, mentioned, postExcerpt, now());
    }

    /** An edit of the comment with its mentions as they now stand. */
    public static CommentUpdated commentUpdated(CommentCreated comment, String content, List<Long> mentioned,
            Instant at) {
        return CommentUpdated.of(actor(comment.userId(), comment.username()), comment.postId(), comment.commentId(),
                content, comment.parentId(), comment.replyToUserId(), mentioned, at);
    }

    public static PostCreated postCreated(long authorId, String author, String content, List<Long> mentioned) {
        return PostCreated.of(actor(authorId, author), nextId(), content, List.of(), mentioned, now());
    }

    public static PostUpdated postUpdated(PostCreated post, String content, List<Long> mentioned, Instant at) {
        return PostUpdated.of(actor(post.userId(), post.username()), post.postId(), content, List.of(), mentioned, at);
    }

    public static PostLiked postLiked(long likerId, String liker, long postId, long authorId, String postExcerpt,
            Instant at) {
        return PostLiked.of(actor(likerId, liker), postId, authorId, postExcerpt, at);
    }

    public static PostUnliked postUnliked(long likerId, String liker, long postId, long authorId, Instant at) {
        return PostUnliked.of(actor(likerId, liker), postId, authorId, at);
    }

    public static CommentLiked commentLiked(long likerId, String liker, long postId, long commentId, long authorId,
            String postExcerpt, Instant at) {
        return CommentLiked.of(actor(likerId, liker), postId, commentId, authorId, postExcerpt, at);
    }

    public static CommentUnliked commentUnliked(long likerId, String liker, long postId, long commentId, long authorId,
            Instant at) {
        return CommentUnliked.of(actor(likerId, liker), postId, commentId, authorId, at);
    }

    public static void publish(KafkaTemplate<String, String> kafka, PostCreated post) {
        publish(kafka, EventTopics.POST_CREATED, post.postId(), post);
    }

    public static void publish(KafkaTemplate<String, String> kafka, PostUpdated post) {
        publish(kafka, EventTopics.POST_UPDATED, post.postId(), post);
    }

    public static void publish(KafkaTemplate<String, String> kafka, PostLiked like) {
        publish(kafka, EventTopics.POST_LIKED, like.postId(), like);
    }

    public static void publish(KafkaTemplate<String, String> kafka, PostUnliked unlike) {
        publish(kafka, EventTopics.POST_UNLIKED, unlike.postId(), unlike);
    }

    public static void publish(KafkaTemplate<String, String> kafka, CommentLiked like) {
        publish(kafka, EventTopics.COMMENT_LIKED, like.postId(), like);
    }

    public static void publish(KafkaTemplate<String, String> kafka, CommentUnliked unlike) {
        publish(kafka, EventTopics.COMMENT_UNLIKED, unlike.postId(), unlike);
    }

    /** A comment on its topic, keyed by its post as web's outbox keys it. */
    public static void publish(KafkaTemplate<String, String> kafka, CommentCreated comment) {
        publish(kafka, EventTopics.COMMENT_CREATED, comment.postId(), comment);
    }

    public static void publish(KafkaTemplate<String, String> kafka, UserRegistered user) {
        publish(kafka, EventTopics.USER_REGISTERED, user.userId(), user);
    }

    public static void publish(KafkaTemplate<String, String> kafka, UserLoggedOut logout) {
        publish(kafka, EventTopics.USER_LOGGED_OUT, logout.userId(), logout);
    }

    public static void publish(KafkaTemplate<String, String> kafka, UserFollowed follow) {
        publish(kafka, EventTopics.USER_FOLLOWED, follow.userId(), follow);
    }

    public static void publish(KafkaTemplate<String, String> kafka, CommentUpdated edit) {
        publish(kafka, EventTopics.COMMENT_UPDATED, edit.postId(), edit);
    }

    public static void publish(KafkaTemplate<String, String> kafka, CommentDeleted deleted) {
        publish(kafka, EventTopics.COMMENT_DELETED, deleted.postId(), deleted);
    }

    public static void publish(KafkaTemplate<String, String> kafka, PostDeleted deleted) {
        publish(kafka, EventTopics.POST_DELETED, deleted.postId(), deleted);
    }

    /** A block (or, with {@code lifted}, its end) by {@code userId} of {@code otherId}, keyed by the blocker. */
    public static void block(KafkaTemplate<String, String> kafka, long userId, String username, long otherId,
            boolean lifted, Instant at) {
        Actor actor = new Actor(userId, username, username + "@example.com");
        publish(kafka, lifted ? EventTopics.USER_UNBLOCKED : EventTopics.USER_BLOCKED, userId,
                lifted ? UserUnblocked.of(actor, otherId, at) : UserBlocked.of(actor, otherId, at));
    }

    /** A mute (or, with {@code lifted}, its end) by {@code userId} of {@code otherId}, keyed by the muter. */
    public static void mute(KafkaTemplate<String, String> kafka, long userId, String username, long otherId,
            boolean lifted, Instant at) {
        Actor actor = new Actor(userId, username, username + "@example.com");
        publish(kafka, lifted ? EventTopics.USER_UNMUTED : EventTopics.USER_MUTED, userId,
                lifted ? UserUnmuted.of(actor, otherId, at) : UserMuted.of(actor, otherId, at));
    }

    private static void publish(KafkaTemplate<String, String> kafka, String topic, long key, BsocialEvent event) {
        publishRaw(kafka, topic, String.valueOf(key), EventJson.write(event));
    }

    public static void publishRaw(KafkaTemplate<String, String> kafka, String topic, String key, String value) {
        try {
            kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
