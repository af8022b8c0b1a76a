package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.Http;
import io.bsocial.notifier.support.Listeners;
import io.bsocial.notifier.support.StompTabs;
import io.bsocial.notifier.support.StompTabs.Tab;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.PostUnliked;
import io.bsocial.shared.testing.DeadLetterTopic;
import tools.jackson.databind.JsonNode;

/**
 * From likes, replies and mentions on Kafka to the notifications answered by the notifier's API
 * and pushed to open sockets: who is notified, with which fields, and what takes them back.
 */
@NotifierTest
class ConversationNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimpUserRegistry connected;

    @Autowired
    ApplicationContext context;

    StompTabs tabs;
    LoggedIn ada;
    LoggedIn bob;
    LoggedIn cyd;

    @BeforeEach
    void people() {
        tabs = new StompTabs(port, connected);
        ada = person("ada", "Ada", "Lovelace");
        bob = person("bob", "Bob", "Kahn");
        cyd = person("cyd", "Cyd", "Charisse");
    }

    @AfterEach
    void closeTabs() {
        tabs.close();
    }

    @Test
    void aLikeOfAPostNotifiesItsAuthorWithThePostsExcerptAndAnUnlikeWithdrawsItLive() throws Exception {
        Tab adasBell = tabs.open(ada, "/user/queue/notifications");
        Listeners.awaitInstanceListeners(context);
        long post = Events.nextId();
        Instant at = now();
        Events.publish(kafka, Events.postLiked(bob.id(), bob.username(), post, ada.id(), "Ada’s first post", at));

        JsonNode pushed = adasBell.next();
        assertThat(pushed.propertyNames()).containsExactlyInAnyOrder("id", "type", "postId", "actor", "postExcerpt",
                "createdAt");
        assertThat(pushed.get("type").asString()).isEqualTo("like");
        assertThat(pushed.get("postId").asLong()).isEqualTo(post);
        assertThat(pushed.get("actor").get("firstName").asString()).isEqualTo("Bob");
        assertThat(pushed.get("postExcerpt").asString()).isEqualTo("Ada’s first post");
        assertThat(pushed.get("createdAt").asString()).isEqualTo(at.toString());

        Events.publish(kafka, Events.postUnliked(bob.id(), bob.username(), post, ada.id(), at.plusSeconds(1)));
        JsonNode retracted = adasBell.next();
        assertThat(retracted.get("type").asString()).isEqualTo("retracted");
        assertThat(retracted.get("ids").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(pushed.get("id").asLong());
        assertThat(Http.get(port, "/api/notifications/all", ada.auth()).json().get("items")).isEmpty();
    }

    @Test
    void aLikeOfACommentNamesTheCommentNobodyIsNotifiedOfTheirOwnLikeAndRedeliveriesStoreNothing() {
        long post = Events.nextId();
        long comment = Events.nextId();
        var like = Events.commentLiked(bob.id(), bob.username(), post, comment, ada.id(), "the post", now());
        Events.publish(kafka, like);
        Events.publish(kafka, like);
        Events.publish(kafka, Events.commentLiked(ada.id(), ada.username(), post, comment, ada.id(), "the post", now()));
        Events.publish(kafka, Events.postLiked(ada.id(), ada.username(), post, ada.id(), "the post", now()));

        JsonNode notification = awaitAll(ada, 1).get(0);
        assertThat(notification.propertyNames()).containsExactlyInAnyOrder("id", "type", "postId", "commentId",
                "actor", "postExcerpt", "createdAt", "read");
        assertThat(notification.get("commentId").asLong()).isEqualTo(comment);
        Listeners.awaitConsumed(brokers(), EventTopics.COMMENT_LIKED);
        Listeners.awaitConsumed(brokers(), EventTopics.POST_LIKED);
        assertThat(all(ada)).hasSize(1);
    }

    @Test
    void aReplyNotifiesTheAnsweredAndThePostsAuthorGetsTheCommentButNeverBoth() {
        long post = Events.nextId();
        CommentCreated reply = Events.comment(cyd.id(), cyd.username(), post, ada.id(), ada.username(),
                "I agree with @bob", 1L, bob.id(), List.of(bob.id()), "Ada’s post");
        Events.publish(kafka, reply);
        Events.publish(kafka, reply);

        JsonNode toBob = awaitAll(bob, 1).get(0);
        assertThat(toBob.propertyNames()).containsExactlyInAnyOrder("id", "type", "postId", "commentId", "actor",
                "excerpt", "postExcerpt", "createdAt", "read");
        assertThat(toBob.get("type").asString()).as("the reply wins over the mention").isEqualTo("reply");
        assertThat(toBob.get("excerpt").asString()).isEqualTo("I agree with @bob");
        assertThat(toBob.get("postExcerpt").asString()).isEqualTo("Ada’s post");
        JsonNode toAda = awaitAll(ada, 1).get(0);
        assertThat(toAda.get("type").asString()).isEqualTo("comment");
        assertThat(toAda.get("postExcerpt").asString()).isEqualTo("Ada’s post");

        CommentCreated replyToTheAuthor = Events.comment(cyd.id(), cyd.username(), post, ada.id(), ada.username(),
                "to you, Ada", 1L, ada.id(), List.of(), "Ada’s post");
        CommentCreated ownReply = Events.comment(ada.id(), ada.username(), post, ada.id(), ada.username(),
                "talking to myself", 1L, ada.id(), List.of(ada.id()), "Ada’s post");
        Events.publish(kafka, replyToTheAuthor);
        Events.publish(kafka, ownReply);
        Listeners.awaitConsumed(brokers(), EventTopics.COMMENT_CREATED);
        assertThat(all(ada)).extracting(n -> n.get("type").asString() + ":" + n.get("commentId").asLong())
                .containsExactly("reply:" + replyToTheAuthor.commentId(), "comment:" + reply.commentId());
        assertThat(all(bob)).hasSize(1);
    }

    @Test
    void mentionsInPostsAndCommentsFollowTheirEditsAndACommentEditFindsThePostsExcerpt() {
        PostCreated post = Events.postCreated(ada.id(), ada.username(), "Hello @bob and @ada", List.of(bob.id(), ada.id()));
        Events.publish(kafka, post);
        JsonNode mention = awaitAll(bob, 1).get(0);
        assertThat(mention.propertyNames()).containsExactlyInAnyOrder("id", "type", "postId", "actor", "excerpt",
                "postExcerpt", "createdAt", "read");
        assertThat(mention.get("type").asString()).isEqualTo("mention");
        assertThat(mention.get("excerpt").asString()).isEqualTo("Hello @bob and @ada");
        assertThat(mention.get("postExcerpt").asString()).isEqualTo("Hello @bob and @ada");

        Events.publish(kafka, Events.postUpdated(post, "Hello @cyd", List.of(cyd.id()), post.timestamp().plusSeconds(5)));
        awaitAll(cyd, 1);
        awaitAll(bob, 0);
        assertThat(all(ada)).as("never the author").isEmpty();

        CommentCreated comment = Events.comment(bob.id(), bob.username(), post.postId(), ada.id(), ada.username(),
                "nice", null, null, List.of(), null);
        Events.publish(kafka, comment);
        awaitAll(ada, 1);
        Events.publish(kafka, Events.commentUpdated(comment, "nice, @cyd", List.of(cyd.id()),
                comment.timestamp().plusSeconds(2)));
        List<JsonNode> cyds = awaitAll(cyd, 2);
        JsonNode inTheComment = cyds.stream().filter(n -> n.has("commentId")).findFirst().orElseThrow();
        assertThat(inTheComment.get("type").asString()).isEqualTo("mention");
        assertThat(inTheComment.get("postExcerpt").asString()).as("from the post's own events").isEqualTo("Hello @cyd");
        assertThat(inTheComment.get("excerpt").asString()).isEqualTo("nice, @cyd");

        Events.publish(kafka, Events.commentUpdated(comment, "nice", List.of(), comment.timestamp().plusSeconds(4)));
        awaitAll(cyd, 1);
    }

    /** A comment processed before its post's post-created (another topic): the post's mentions still notify. */
    @Test
    void aPostCreatedAfterACommentOnItStillNotifiesItsMentions() {
        PostCreated post = Events.postCreated(ada.id(), ada.username(), "hello @cyd", List.of(cyd.id()));
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), post.postId(), ada.id(), ada.username(), "first"));
        awaitAll(ada, 1);
        Events.publish(kafka, post);
        assertThat(awaitAll(cyd, 1).get(0).get("type").asString()).isEqualTo("mention");
    }

    @Test
    void deletingAPostOrACommentRetractsItsLikesRepliesAndMentions() {
        PostCreated post = Events.postCreated(ada.id(), ada.username(), "@bob look", List.of(bob.id()));
        Events.publish(kafka, post);
        Events.publish(kafka, Events.postLiked(bob.id(), bob.username(), post.postId(), ada.id(), "@bob look", now()));
        CommentCreated reply = Events.comment(cyd.id(), cyd.username(), post.postId(), ada.id(), ada.username(),
                "hm", 1L, bob.id(), List.of(), "@bob look");
        Events.publish(kafka, reply);
        Events.publish(kafka, Events.commentLiked(ada.id(), ada.username(), post.postId(), reply.commentId(), cyd.id(),
                "@bob look", now()));
        awaitAll(bob, 2);
        awaitAll(ada, 2);
        awaitAll(cyd, 1);

        Events.publish(kafka, Events.commentDeleted(reply));
        awaitAll(cyd, 0);
        awaitAll(ada, 1);
        assertThat(all(bob)).extracting(n -> n.get("type").asString()).containsExactly("mention");

        Events.publish(kafka, Events.postDeleted(ada.id(), ada.username(), post.postId()));
        awaitAll(ada, 0);
        awaitAll(bob, 0);
        Events.publish(kafka, Events.postLiked(cyd.id(), cyd.username(), post.postId(), ada.id(), "@bob look", now()));
        Listeners.awaitConsumed(brokers(), EventTopics.POST_LIKED);
        assertThat(all(ada)).as("a like processed after the post's deletion").isEmpty();
    }

    /**
     * Eight likers like and unlike Ada's post at once, on eight threads; the liked and unliked
     * events travel on two topics, so they are published in the orders that race can produce
     * (an unlike before its like included). Each liker whose like stands has one notification.
     */
    @Test
    void eightLikersRacingLikesAndUnlikesEndWithOneNotificationPerStandingLike() throws Exception {
        long post = Events.nextId();
        Instant start = now();
        List<BsocialEvent> facts = new ArrayList<>();
        List<Long> standing = new ArrayList<>();
        for (int liker = 0; liker < 8; liker++) {
            long id = Events.nextId();
            int toggles = 1 + liker % 4;
            for (int t = 0; t < toggles; t++) {
                Instant at = start.plusMillis(t);
                facts.add(t % 2 == 0 ? Events.postLiked(id, "liker" + id, post, ada.id(), "racing", at)
                        : Events.postUnliked(id, "liker" + id, post, ada.id(), at));
            }
            if (toggles % 2 == 1) {
                standing.add(id);
            }
        }
        Collections.shuffle(facts, new Random(8));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int mine = thread;
                sent.add(pool.submit(() -> {
                    go.await();
                    for (int i = mine; i < facts.size(); i += 8) {
                        if (facts.get(i) instanceof PostLiked like) {
                            Events.publish(kafka, like);
                        } else {
                            Events.publish(kafka, (PostUnliked) facts.get(i));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Listeners.awaitConsumed(brokers(), EventTopics.POST_LIKED);
        Listeners.awaitConsumed(brokers(), EventTopics.POST_UNLIKED);
        assertThat(all(ada)).extracting(n -> n.get("actor").get("id").asLong())
                .containsExactlyInAnyOrderElementsOf(standing);
    }

    @Test
    void likesAndMentionsThatLackTheirIdsGoToTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        String base = "\"eventId\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"2026-03-10T12:00:00Z\",\"userId\":1,"
                + "\"username\":\"x\",\"marker\":\"" + marker + "\"";
        Events.publishRaw(kafka, EventTopics.POST_LIKED, "1", "{\"eventType\":\"post-liked\"," + base + ",\"postId\":5}");
        Events.publishRaw(kafka, EventTopics.COMMENT_UNLIKED, "1",
                "{\"eventType\":\"comment-unliked\"," + base + ",\"postId\":5,\"commentAuthorId\":2}");
        Events.publishRaw(kafka, EventTopics.POST_CREATED, "1", "{\"eventType\":\"post-created\"," + base + ",\"postId\":5}");
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.await(brokers(), marker, 3);
        assertThat(dead).hasSize(3).allSatisfy(record ->
                assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull());

        PostLiked valid = Events.postLiked(bob.id(), bob.username(), Events.nextId(), ada.id(), "fine", now());
        Events.publish(kafka, valid);
        awaitAll(ada, 1);
    }

    private LoggedIn person(String name, String first, String last) {
        LoggedIn user = TestSessions.login(sessions, Events.nextId(), name + Events.nextId());
        Events.publish(kafka, Events.registered(user.id(), user.username(), first, last));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifier_users WHERE id = ?").param(user.id()).query(Long.class).single() == 1);
        return user;
    }

    /** Until the user's notifications page lists exactly {@code count}: those, newest first. */
    private List<JsonNode> awaitAll(LoggedIn user, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> all(user).size() == count);
        return all(user);
    }

    private List<JsonNode> all(LoggedIn user) {
        Http.Response response = Http.get(port, "/api/notifications/all", user.auth());
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }
}
