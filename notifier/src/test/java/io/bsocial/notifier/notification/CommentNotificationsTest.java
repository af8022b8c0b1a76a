package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import io.bsocial.notifier.support.Listeners;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.testing.DeadLetterTopic;
import tools.jackson.databind.JsonNode;

/** From a comment event on Kafka to a notification answered by {@code GET /api/notifications}. */
@NotifierTest
class CommentNotificationsTest {

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
        author = TestSessions.login(sessions, Events.nextId(), "author" + Events.nextId());
        commenter = TestSessions.login(sessions, Events.nextId(), "commenter" + Events.nextId());
        Events.publish(kafka, Events.registered(commenter.id(), commenter.username(), "Grace", "Hopper"));
        // Registrations and comments are separate topics, consumed independently: wait until the
        // directory knows the commenter, or a fast comment could be answered before the name arrives.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifier_users WHERE id = ?").param(commenter.id())
                .query(Long.class).single() == 1);
    }

    @Test
    void aCommentOnSomeoneElsesPostNotifiesThePostsAuthorOnce() {
        CommentCreated comment = comment(commenter, author, "  Great   post!\nReally <b>great</b>  ");
        Events.publish(kafka, comment);

        List<JsonNode> items = awaitNotifications(author, 1);
        JsonNode notification = items.get(0);
        assertThat(notification.propertyNames()).containsExactlyInAnyOrder(
                "id", "type", "postId", "commentId", "actor", "excerpt", "createdAt");
        assertThat(notification.get("type").asString()).isEqualTo("comment");
        assertThat(notification.get("postId").asLong()).isEqualTo(comment.postId());
        assertThat(notification.get("commentId").asLong()).isEqualTo(comment.commentId());
        assertThat(notification.get("excerpt").asString()).isEqualTo("Great post! Really <b>great</b>");
        assertThat(notification.get("createdAt").asString()).isEqualTo(comment.timestamp().toString());
        JsonNode actor = notification.get("actor");
        assertThat(actor.propertyNames()).containsExactlyInAnyOrder("id", "username", "firstName", "lastName");
        assertThat(actor.get("id").asLong()).isEqualTo(commenter.id());
        assertThat(actor.get("username").asString()).isEqualTo(commenter.username());
        assertThat(actor.get("firstName").asString()).isEqualTo("Grace");
        assertThat(notification.toString()).doesNotContain("@example.com");

        assertThat(undelivered(author)).as("delivered ones are not returned again").isEmpty();
    }

    @Test
    void aRedeliveredMessageNeverMakesASecondNotification() {
        CommentCreated comment = comment(commenter, author, "once");
        Events.publish(kafka, comment);
        Events.publish(kafka, comment);
        CommentCreated later = comment(commenter, author, "later");
        Events.publish(kafka, later);

        awaitStored(later);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ?").param(comment.commentId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(undelivered(author)).hasSize(2);
    }

    @Test
    void commentingOnOnesOwnPostNotifiesNobody() {
        CommentCreated own = comment(author, author, "talking to myself");
        Events.publish(kafka, own);
        CommentCreated other = comment(commenter, author, "a real reply");
        Events.publish(kafka, other);

        awaitStored(other);
        List<JsonNode> items = undelivered(author);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("commentId").asLong()).isEqualTo(other.commentId());
    }

    @Test
    void aUserNeverSeesAnotherUsersNotifications() {
        CommentCreated comment = comment(commenter, author, "for the author only");
        Events.publish(kafka, comment);
        awaitStored(comment);

        assertThat(undelivered(commenter)).isEmpty();
        assertThat(Http.get(port, "/api/notifications/recent", commenter.auth()).json().get("items")).isEmpty();
        assertThat(undelivered(author)).hasSize(1);
    }

    @Test
    void theBellCountsUnreadUntilOpenedAndTheCountSurvivesAReload() {
        CommentCreated first = comment(commenter, author, "one");
        CommentCreated second = comment(commenter, author, "two");
        Events.publish(kafka, first);
        Events.publish(kafka, second);
        awaitStored(second);

        JsonNode recent = Http.get(port, "/api/notifications/recent", author.auth()).json();
        assertThat(recent.get("unread").asLong()).isEqualTo(2);
        assertThat(recent.get("items").get(0).get("commentId").asLong()).isEqualTo(second.commentId());
        assertThat(Http.get(port, "/api/notifications/recent", author.auth()).json().get("unread").asLong())
                .isEqualTo(2);

        String shown = recent.get("items").get(0).get("id").asLong() + "," + recent.get("items").get(1).get("id").asLong();
        Http.Response read = Http.send(port, "POST", "/api/notifications/read?ids=" + shown, author.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unread").asLong()).isZero();
        assertThat(Http.get(port, "/api/notifications/recent", author.auth()).json().get("unread").asLong()).isZero();
        assertThat(Http.send(port, "POST", "/api/notifications/read", author.auth()).status()).isEqualTo(400);
    }

    @Test
    void theNotificationsListPagesNewestFirstSaysWhatWasReadAndDeliversNothing() {
        // On one post: one key, one partition, so they are stored in the order they were written.
        // (Comments on different posts travel on different partitions, in no order between them.)
        long post = Events.nextId();
        List<CommentCreated> comments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            comments.add(Events.comment(commenter.id(), commenter.username(), post, author.id(), author.username(),
                    "comment " + i));
            Events.publish(kafka, comments.get(i));
        }
        comments.forEach(this::awaitStored);
        JsonNode newest = Http.get(port, "/api/notifications/recent", author.auth()).json().get("items").get(0);
        assertThat(Http.send(port, "POST", "/api/notifications/read?ids=" + newest.get("id").asLong(), author.auth())
                .status()).isEqualTo(200);

        Http.Response firstPage = Http.get(port, "/api/notifications/all?limit=2", author.auth());
        JsonNode first = firstPage.json();
        assertThat(firstPage.link()).isEqualTo("<http://localhost:" + port + "/api/notifications/all?limit=2&cursor="
                + first.get("nextCursor").asString() + ">; rel=\"next\"");
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("items", "nextCursor", "unread");
        assertThat(first.get("unread").asLong()).isEqualTo(4);
        JsonNode item = first.get("items").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder(
                "id", "type", "postId", "commentId", "actor", "excerpt", "createdAt", "read");
        assertThat(item.get("id").asLong()).isEqualTo(newest.get("id").asLong());
        assertThat(item.get("read").asBoolean()).isTrue();
        assertThat(item.get("actor").get("firstName").asString()).isEqualTo("Grace");
        assertThat(first.get("items").get(1).get("read").asBoolean()).isFalse();

        List<JsonNode> listed = new ArrayList<>(first.get("items").valueStream().toList());
        JsonNode page = first;
        while (!page.get("nextCursor").isNull()) {
            page = Http.get(port, "/api/notifications/all?limit=2&cursor=" + page.get("nextCursor").asString(),
                    author.auth()).json();
            listed.addAll(page.get("items").valueStream().toList());
        }
        List<Long> newestFirst = new ArrayList<>(comments.stream().map(CommentCreated::commentId).toList());
        Collections.reverse(newestFirst);
        assertThat(listed).extracting(n -> n.get("commentId").asLong()).containsExactlyElementsOf(newestFirst);

        assertThat(Http.get(port, "/api/notifications/all", commenter.auth()).json().get("items"))
                .as("another user's notifications").isEmpty();
        assertThat(undelivered(author)).as("listing is not delivery").hasSize(5);
    }

    @Test
    void markAllAsReadNeedsThePagesCsrfTokenWithTheCookieAndLeavesNothingUnread() {
        CommentCreated one = comment(commenter, author, "one");
        CommentCreated two = comment(commenter, author, "two");
        Events.publish(kafka, one);
        Events.publish(kafka, two);
        awaitStored(one);
        awaitStored(two);

        assertThat(Http.send(port, "POST", "/api/notifications/read-all", "Cookie", author.cookie()).status())
                .isEqualTo(403);
        assertThat(Http.get(port, "/api/notifications/recent", author.auth()).json().get("unread").asLong())
                .isEqualTo(2);

        Http.Response read = Http.send(port, "POST", "/api/notifications/read-all", "Cookie", author.cookie(),
                author.csrfHeader(), author.maskedCsrfToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unread").asLong()).isZero();
        assertThat(Http.get(port, "/api/notifications/all", author.auth()).json().get("items").valueStream()
                .map(n -> n.get("read").asBoolean()).toList()).containsExactly(true, true);
        assertThat(Http.send(port, "POST", "/api/notifications/read-all", commenter.auth()).json().get("unread")
                .asLong()).isZero();
    }

    @Test
    void badPagingParametersAnswer400ProblemsAndAnonymousCalls401() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("n1:-5".getBytes());
        for (String query : new String[] {"limit=0", "limit=101", "limit=ten", "cursor=zzz", "cursor=" + forged,
                "cursor=%25%25"}) {
            Http.Response response = Http.get(port, "/api/notifications/all?" + query, author.auth());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.body()).as(query).doesNotContain("Exception");
        }
        assertThat(Http.get(port, "/api/notifications/all").status()).isEqualTo(401);
        assertThat(Http.send(port, "POST", "/api/notifications/read-all", "X-Auth-Token", UUID.randomUUID().toString())
                .status()).isEqualTo(401);
    }

    @Test
    void unauthenticatedCallsAnswer401Problems() {
        Http.Response response = Http.get(port, "/api/notifications");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Http.get(port, "/api/notifications", "X-Auth-Token", UUID.randomUUID().toString()).status())
                .isEqualTo(401);
        assertThat(Http.get(port, "/api/notifications", "Cookie", author.cookie()).status()).isEqualTo(200);
    }

    @Test
    void messagesThatCannotBeProcessedGoToTheDeadLetterTopicWithTheReasonAndTheRestGoesOn() {
        String marker = UUID.randomUUID().toString();
        Events.publishRaw(kafka, EventTopics.COMMENT_CREATED, "1", "{not json " + marker);
        Events.publishRaw(kafka, EventTopics.COMMENT_CREATED, "1",
                "{\"eventType\":\"comment-created\",\"marker\":\"" + marker + "\",\"userId\":1,\"username\":\"x\"}");
        CommentCreated valid = comment(commenter, author, "after the bad ones");
        Events.publish(kafka, valid);

        awaitStored(valid);
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.await(System.getProperty("spring.embedded.kafka.brokers"), marker, 2);
        assertThat(dead).hasSize(2).allSatisfy(record -> {
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-original-topic").value())
                    .isEqualTo(EventTopics.COMMENT_CREATED.getBytes());
        });
    }

    @Test
    void aFollowNotifiesTheFollowedUserOncePerFollowerPerDayHoweverOftenRedelivered() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UserFollowed follow = Events.followed(commenter.id(), commenter.username(), author.id(), author.username(), at);
        ExecutorService redelivering = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(redelivering.submit(() -> Events.publish(kafka, follow)));
            }
            for (Future<?> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        } finally {
            redelivering.shutdownNow();
        }
        Events.publish(kafka, Events.followed(commenter.id(), commenter.username(), author.id(), author.username(), at));

        List<JsonNode> items = awaitNotifications(author, 1);
        JsonNode notification = items.get(0);
        assertThat(notification.propertyNames()).containsExactlyInAnyOrder("id", "type", "actor", "createdAt");
        assertThat(notification.get("type").asString()).isEqualTo("follow");
        assertThat(notification.get("createdAt").asString()).isEqualTo(at.toString());
        assertThat(notification.get("actor").get("username").asString()).isEqualTo(commenter.username());
        assertThat(notification.get("actor").get("firstName").asString()).isEqualTo("Grace");
        Listeners.awaitConsumed(brokers(), EventTopics.USER_FOLLOWED);
        assertThat(undelivered(author)).as("re-follows and redeliveries the same day").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND type = 'follow'")
                .param(author.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(Http.get(port, "/api/notifications/all", author.auth()).json().get("items").get(0)
                .propertyNames()).containsExactlyInAnyOrder("id", "type", "actor", "createdAt", "read");
    }

    @Test
    void aDeletedCommentsNotificationLeavesEveryListInEitherOrder() {
        CommentCreated kept = comment(commenter, author, "kept");
        CommentCreated deletedAfter = comment(commenter, author, "deleted after it was stored");
        Events.publish(kafka, kept);
        Events.publish(kafka, deletedAfter);
        awaitStored(kept);
        awaitStored(deletedAfter);
        Events.publish(kafka, Events.commentDeleted(deletedAfter));
        awaitGone(deletedAfter);

        CommentCreated deletedBefore = comment(commenter, author, "deleted before it was created");
        Events.publish(kafka, Events.commentDeleted(deletedBefore));
        Listeners.awaitConsumed(brokers(), EventTopics.COMMENT_DELETED);
        Events.publish(kafka, deletedBefore);
        Listeners.awaitConsumed(brokers(), EventTopics.COMMENT_CREATED);

        assertOnlyListed(kept);
    }

    @Test
    void aDeletedPostTakesBackTheNotificationsOfAllItsCommentsInEitherOrder() {
        long post = Events.nextId();
        CommentCreated first = Events.comment(commenter.id(), commenter.username(), post, author.id(),
                author.username(), "first");
        CommentCreated second = Events.comment(commenter.id(), commenter.username(), post, author.id(),
                author.username(), "second");
        CommentCreated elsewhere = comment(commenter, author, "on another post");
        List.of(first, second, elsewhere).forEach(c -> Events.publish(kafka, c));
        List.of(first, second, elsewhere).forEach(this::awaitStored);
        Events.publish(kafka, Events.postDeleted(author.id(), author.username(), post));
        awaitGone(first);
        awaitGone(second);

        long deletedFirst = Events.nextId();
        Events.publish(kafka, Events.postDeleted(author.id(), author.username(), deletedFirst));
        Listeners.awaitConsumed(brokers(), EventTopics.POST_DELETED);
        Events.publish(kafka, Events.comment(commenter.id(), commenter.username(), deletedFirst, author.id(),
                author.username(), "on a post already deleted"));
        Listeners.awaitConsumed(brokers(), EventTopics.COMMENT_CREATED);

        assertOnlyListed(elsewhere);
    }

    /** Every list of the author, and the unread counts, know only this comment's notification. */
    private void assertOnlyListed(CommentCreated comment) {
        JsonNode recent = Http.get(port, "/api/notifications/recent", author.auth()).json();
        assertThat(recent.get("items")).extracting(n -> n.get("commentId").asLong())
                .containsExactly(comment.commentId());
        assertThat(recent.get("unread").asLong()).isEqualTo(1);
        JsonNode all = Http.get(port, "/api/notifications/all", author.auth()).json();
        assertThat(all.get("items")).extracting(n -> n.get("commentId").asLong()).containsExactly(comment.commentId());
        assertThat(all.get("unread").asLong()).isEqualTo(1);
        assertThat(undelivered(author)).extracting(n -> n.get("commentId").asLong())
                .containsExactly(comment.commentId());
    }

    private void awaitGone(CommentCreated comment) {
        awaitNotificationsOf(comment, 0);
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    private static CommentCreated comment(LoggedIn by, LoggedIn postAuthor, String content) {
        return Events.comment(by.id(), by.username(), Events.nextId(), postAuthor.id(), postAuthor.username(), content);
    }

    private void awaitStored(CommentCreated comment) {
        awaitNotificationsOf(comment, 1);
    }

    private void awaitNotificationsOf(CommentCreated comment, long count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ?").param(comment.commentId())
                .query(Long.class).single() == count);
    }

    private List<JsonNode> awaitNotifications(LoggedIn user, int count) {
        List<JsonNode> seen = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen.addAll(undelivered(user));
            return seen.size() >= count;
        });
        return seen;
    }

    private List<JsonNode> undelivered(LoggedIn user) {
        Http.Response response = Http.get(port, "/api/notifications", user.auth());
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().toList();
    }
}
