package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import tools.jackson.databind.JsonNode;

/**
 * Blocks and mutes through Kafka: a blocked or muted actor notifies no more (comment, reply, like,
 * mention, follow), a block takes back what was between the two, both ways and live, a mute keeps
 * what came before and works one way, and lifting either lets the next act notify again.
 */
@NotifierTest
class BlocksAndMutesNotificationsTest {

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
    void aBlockTakesBackWhatWasBetweenTheTwoBothWaysLiveAndSilencesEveryKindOfNotification() throws Exception {
        long adasPost = Events.nextId();
        long bobsPost = Events.nextId();
        Events.publish(kafka, Events.followed(bob.id(), bob.username(), ada.id(), ada.username(), now()));
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "Bob says"));
        Events.publish(kafka, Events.comment(cyd.id(), cyd.username(), adasPost, ada.id(), ada.username(), "Cyd says"));
        Events.publish(kafka, Events.postLiked(ada.id(), ada.username(), bobsPost, bob.id(), "Bob's post", now()));
        awaitAll(ada, 3);
        awaitAll(bob, 1);
        // Delivered over HTTP first, so that the bell opened next hears only what comes after.
        assertThat(Http.get(port, "/api/notifications", ada.auth()).json().get("items")).hasSize(3);
        Tab adasBell = tabs.open(ada, "/user/queue/notifications");
        Listeners.awaitInstanceListeners(context);

        Events.block(kafka, ada.id(), ada.username(), bob.id(), false, now());

        JsonNode retracted = adasBell.next();
        assertThat(retracted.get("type").asString()).isEqualTo("retracted");
        assertThat(retracted.get("ids")).hasSize(2);
        assertThat(awaitAll(ada, 1).get(0).get("actor").get("username").asString()).isEqualTo(cyd.username());
        awaitAll(bob, 0);

        // Every kind, both ways, while the block stands (web would not even publish most of these).
        CommentCreated adasComment = Events.comment(ada.id(), ada.username(), bobsPost, bob.id(), bob.username(),
                "Ada on Bob's post");
        Events.publish(kafka, adasComment);
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "Again"));
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), bobsPost, bob.id(), bob.username(),
                "Bob answers @ada", 1L, ada.id(), List.of(ada.id()), "Bob's post"));
        PostCreated mention = Events.postCreated(bob.id(), bob.username(), "Hey @ada", List.of(ada.id()));
        Events.publish(kafka, mention);
        Events.publish(kafka, Events.postLiked(bob.id(), bob.username(), adasPost, ada.id(), "Ada's post", now()));
        Events.publish(kafka, Events.commentLiked(bob.id(), bob.username(), bobsPost, adasComment.commentId(), ada.id(),
                "Bob's post", now()));
        Events.publish(kafka, Events.followed(ada.id(), ada.username(), bob.id(), bob.username(), now()));
        Events.publish(kafka, Events.followed(bob.id(), bob.username(), ada.id(), ada.username(),
                now().plus(1, ChronoUnit.DAYS)));
        for (String topic : List.of(EventTopics.COMMENT_CREATED, EventTopics.POST_CREATED, EventTopics.POST_LIKED,
                EventTopics.COMMENT_LIKED, EventTopics.USER_FOLLOWED)) {
            Listeners.awaitConsumed(brokers(), topic);
        }
        assertThat(all(ada)).hasSize(1);
        assertThat(all(bob)).isEmpty();

        // Lifted: the next act notifies again; nothing from before comes back.
        Events.block(kafka, ada.id(), ada.username(), bob.id(), true, now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !silenced(ada, bob, "block"));
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "Friends?"));
        assertThat(awaitAll(ada, 2).get(0).get("actor").get("username").asString()).isEqualTo(bob.username());
    }

    @Test
    void aMuteSilencesTheMutedOneWayKeepsWhatCameBeforeAndTellsThemNothing() {
        long adasPost = Events.nextId();
        long bobsPost = Events.nextId();
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "Before"));
        awaitAll(ada, 1);

        Events.mute(kafka, ada.id(), ada.username(), bob.id(), false, now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> silenced(ada, bob, "mute"));

        CommentCreated muted = Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "After");
        Events.publish(kafka, muted);
        Events.publish(kafka, Events.postCreated(bob.id(), bob.username(), "Hey @ada", List.of(ada.id())));
        Events.publish(kafka, Events.postLiked(bob.id(), bob.username(), adasPost, ada.id(), "Ada's post", now()));
        Events.publish(kafka, Events.followed(bob.id(), bob.username(), ada.id(), ada.username(),
                now().plus(1, ChronoUnit.DAYS)));
        // One way: Ada still notifies Bob, who is told nothing.
        Events.publish(kafka, Events.comment(ada.id(), ada.username(), bobsPost, bob.id(), bob.username(), "Hi Bob"));
        awaitAll(bob, 1);
        for (String topic : List.of(EventTopics.COMMENT_CREATED, EventTopics.POST_CREATED, EventTopics.POST_LIKED,
                EventTopics.USER_FOLLOWED)) {
            Listeners.awaitConsumed(brokers(), topic);
        }
        List<JsonNode> adas = all(ada);
        assertThat(adas).hasSize(1);
        assertThat(adas.get(0).get("excerpt").asString()).isEqualTo("Before");

        Events.mute(kafka, ada.id(), ada.username(), bob.id(), true, now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !silenced(ada, bob, "mute"));
        Events.publish(kafka, Events.postLiked(bob.id(), bob.username(), adasPost, ada.id(), "Ada's post", now()));
        assertThat(awaitAll(ada, 2).get(0).get("type").asString()).isEqualTo("like");
    }

    /** An unblock processed before its (older) block: the older fact changes nothing. */
    @Test
    void theLatestFactWinsWhateverOrderTheTopicsDeliverIn() {
        Instant blockedAt = now();
        Events.block(kafka, ada.id(), ada.username(), bob.id(), true, blockedAt.plusSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notifier_silences WHERE user_id = ? AND other_id = ?").param(ada.id())
                .param(bob.id()).query(Long.class).single() == 1);
        Events.block(kafka, ada.id(), ada.username(), bob.id(), false, blockedAt);
        Listeners.awaitConsumed(brokers(), EventTopics.USER_BLOCKED);
        assertThat(silenced(ada, bob, "block")).isFalse();
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), Events.nextId(), ada.id(), ada.username(), "Hi"));
        awaitAll(ada, 1);
    }

    private boolean silenced(LoggedIn who, LoggedIn whom, String kind) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notifier_silences
                 WHERE user_id = ? AND other_id = ? AND kind = ? AND active = TRUE""")
                .param(who.id()).param(whom.id()).param(kind).query(Long.class).single() == 1;
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
