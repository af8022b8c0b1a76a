package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.Http;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentUpdated;
import tools.jackson.databind.JsonNode;

/**
 * From {@code bsocial.comment-updated} on Kafka to the excerpt of the comment's notification: the
 * bell and {@code GET /api/notifications} show the edited text (they kept the first one). An edit
 * redelivered or older than the text shown never puts it back; one processed before its comment
 * is kept for it; one of a deleted comment or post is kept nowhere.
 */
@NotifierTest
class CommentEditsTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    JdbcClient jdbc;

    LoggedIn author;
    LoggedIn commenter;

    @BeforeEach
    void people() {
        author = TestSessions.login(sessions, Events.nextId(), "edited" + Events.nextId());
        commenter = TestSessions.login(sessions, Events.nextId(), "editor" + Events.nextId());
    }

    @Test
    void anEditedCommentShowsItsNewTextInTheBellAndTheApi() {
        CommentCreated comment = comment(Events.nextId(), "frist!");
        Events.publish(kafka, comment);
        awaitExcerpt(comment, "frist!"::equals);

        Events.publish(kafka, Events.commentUpdated(comment, "  first,\nof course ", comment.timestamp().plusSeconds(5)));

        awaitExcerpt(comment, "first, of course"::equals);
        JsonNode undelivered = Http.get(port, "/api/notifications", author.auth()).json().get("items");
        assertThat(undelivered).extracting(n -> n.get("excerpt").asString()).containsExactly("first, of course");
        assertThat(Http.get(port, "/api/notifications/all", author.auth()).json().get("items"))
                .extracting(n -> n.get("excerpt").asString()).containsExactly("first, of course");
    }

    @Test
    void aRedeliveredOrOlderEditNeverPutsAnOlderTextBack() {
        long post = Events.nextId();
        CommentCreated comment = comment(post, "one");
        CommentCreated neighbour = comment(post, "a neighbour on the same post");
        Events.publish(kafka, comment);
        Events.publish(kafka, neighbour);
        CommentUpdated second = Events.commentUpdated(comment, "two", comment.timestamp().plusSeconds(1));
        CommentUpdated third = Events.commentUpdated(comment, "three", comment.timestamp().plusSeconds(2));
        Events.publish(kafka, second);
        Events.publish(kafka, third);
        awaitExcerpt(comment, "three"::equals);

        Events.publish(kafka, second); // redelivered
        Events.publish(kafka, Events.commentUpdated(comment, "one and a half", comment.timestamp().plusMillis(1500)));
        Events.publish(kafka, Events.commentUpdated(comment, "before it was written", comment.timestamp().minusSeconds(1)));
        // Same post, same key, same partition: once this one shows, the three above were processed.
        Events.publish(kafka, Events.commentUpdated(neighbour, "processed after them", neighbour.timestamp().plusSeconds(9)));
        awaitExcerpt(neighbour, "processed after them"::equals);

        assertThat(excerpt(comment)).isEqualTo("three");
    }

    @Test
    void anEditProcessedBeforeItsCommentIsKeptForIt() {
        CommentCreated comment = comment(Events.nextId(), "the first text");
        Events.publish(kafka, Events.commentUpdated(comment, "the edited text", comment.timestamp().plusSeconds(3)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM comment_edits WHERE comment_id = ?").param(comment.commentId())
                .query(Long.class).single() == 1);

        Events.publish(kafka, comment);

        awaitExcerpt(comment, "the edited text"::equals);
        assertThat(Http.get(port, "/api/notifications", author.auth()).json().get("items"))
                .extracting(n -> n.get("excerpt").asString()).containsExactly("the edited text");
    }

    @Test
    void anEditOfADeletedCommentOrPostIsKeptNowhere() {
        long post = Events.nextId();
        CommentCreated deleted = comment(post, "soon gone");
        CommentCreated neighbour = comment(post, "stays");
        Events.publish(kafka, deleted);
        Events.publish(kafka, neighbour);
        awaitExcerpt(deleted, "soon gone"::equals);
        Events.publish(kafka, Events.commentDeleted(deleted));
        awaitNotifications(deleted, 0);

        Events.publish(kafka, Events.commentUpdated(deleted, "edited after its deletion", deleted.timestamp().plusSeconds(1)));
        Events.publish(kafka, Events.commentUpdated(neighbour, "processed after it", neighbour.timestamp().plusSeconds(1)));
        awaitExcerpt(neighbour, "processed after it"::equals);
        assertThat(edits(deleted)).isZero();
        assertThat(notifications(deleted)).isZero();

        CommentCreated onADeletedPost = comment(Events.nextId(), "on a post about to go");
        Events.publish(kafka, onADeletedPost);
        Events.publish(kafka, Events.commentUpdated(onADeletedPost, "edited", onADeletedPost.timestamp().plusSeconds(1)));
        awaitExcerpt(onADeletedPost, "edited"::equals);
        Events.publish(kafka, Events.postDeleted(author.id(), author.username(), onADeletedPost.postId()));
        awaitNotifications(onADeletedPost, 0);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> edits(onADeletedPost) == 0);
    }

    private CommentCreated comment(long postId, String content) {
        return Events.comment(commenter.id(), commenter.username(), postId, author.id(), author.username(), content);
    }

    private void awaitExcerpt(CommentCreated comment, Predicate<String> expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String excerpt = excerpt(comment);
            return excerpt != null && expected.test(excerpt);
        });
    }

    /** The excerpt the author's bell shows for the comment (the bell's list delivers nothing). */
    private String excerpt(CommentCreated comment) {
        return Http.get(port, "/api/notifications/recent", author.auth()).json().get("items").valueStream()
                .filter(n -> n.get("commentId").asLong() == comment.commentId())
                .map(n -> n.get("excerpt").asString()).findFirst().orElse(null);
    }

    private void awaitNotifications(CommentCreated comment, long count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> notifications(comment) == count);
    }

    private long notifications(CommentCreated comment) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ?").param(comment.commentId())
                .query(Long.class).single();
    }

    private long edits(CommentCreated comment) {
        return jdbc.sql("SELECT COUNT(*) FROM comment_edits WHERE comment_id = ?").param(comment.commentId())
                .query(Long.class).single();
    }
}
