package io.bsocial.notifier.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.kafka.core.KafkaTemplate;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.events.UserRegistered;

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
