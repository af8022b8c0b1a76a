package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.UserDeleted;
import tools.jackson.databind.JsonNode;

/**
 * {@code bsocial.user-deleted} through embedded Kafka: every notification the account received or
 * caused goes (and those about its posts), with every row keyed by it (directory, silences, like
 * states, posts, its id in others' mention lists); others' notifications between themselves stay;
 * a redelivery changes nothing; late events of the account store nothing.
 */
@NotifierTest
class AccountErasureTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    JdbcClient jdbc;

    LoggedIn gone;
    LoggedIn ada;
    LoggedIn bob;

    @BeforeEach
    void people() {
        gone = person("gone", "Gone", "Away");
        ada = person("ada", "Ada", "Lovelace");
        bob = person("bob", "Bob", "Kahn");
    }

    @Test
    void everythingReceivedOrCausedGoesAndLateEventsStoreNothing() {
        long adasPost = Events.nextId();
        PostCreated gonesPost = Events.postCreated(gone.id(), gone.username(), "Hello @ada", List.of(ada.id()));
        Events.publish(kafka, gonesPost);
        PostCreated bobsPost = Events.postCreated(bob.id(), bob.username(), "Hi @ada and @" + gone.username(),
                List.of(ada.id(), gone.id()));
        Events.publish(kafka, bobsPost);
        Events.publish(kafka, Events.comment(gone.id(), gone.username(), adasPost, ada.id(), ada.username(), "caused"));
        Events.publish(kafka, Events.comment(ada.id(), ada.username(), gonesPost.postId(), gone.id(), gone.username(),
                "received"));
        // Bob's comment on the account's post notifies its author (received); Bob's reply to Ada there too.
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), gonesPost.postId(), gone.id(), gone.username(),
                "Bob on the post"));
        Events.publish(kafka, Events.followed(gone.id(), gone.username(), ada.id(), ada.username(), now()));
        Events.publish(kafka, Events.postLiked(gone.id(), gone.username(), adasPost, ada.id(), "Ada's post", now()));
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "stays"));
        // Ada: the mention, the comment, the follow, the like (all caused) + Bob's mention and comment.
        awaitCount("SELECT COUNT(*) FROM notifications WHERE recipient_id = ?", ada.id(), 6);
        awaitCount("SELECT COUNT(*) FROM notifications WHERE recipient_id = ?", gone.id(), 3); // Ada's and Bob's comments, Bob's mention
        Events.block(kafka, ada.id(), ada.username(), gone.id(), false, now());
        Events.block(kafka, ada.id(), ada.username(), gone.id(), true, now().plusSeconds(1));
        Events.mute(kafka, gone.id(), gone.username(), bob.id(), false, now());
        awaitCount("SELECT COUNT(*) FROM notifier_silences WHERE user_id = ? OR other_id = ?", gone.id(), 2);

        UserDeleted deleted = UserDeleted.of(gone.id(), gone.username(), now());
        String message = EventJson.write(deleted);
        assertThat(message).doesNotContain("email");
        Events.publishRaw(kafka, EventTopics.USER_DELETED, String.valueOf(gone.id()), message);

        awaitCount("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? OR actor_id = ?", gone.id(), 0);
        assertThat(named(gone.id())).isZero();
        List<JsonNode> adas = all(ada);
        assertThat(adas).extracting(n -> n.get("actor").get("username").asString()).containsOnly(bob.username());
        assertThat(adas).hasSize(2);
        assertThat(jdbc.sql("SELECT mentioned_user_ids FROM notifier_posts WHERE post_id = ?").param(bobsPost.postId())
                .query(String.class).single()).isEqualTo(String.valueOf(ada.id()));

        // A redelivery changes nothing; late events of the account (to it or from it) store nothing.
        Events.publishRaw(kafka, EventTopics.USER_DELETED, String.valueOf(gone.id()), message);
        Events.publish(kafka, Events.comment(gone.id(), gone.username(), adasPost, ada.id(), ada.username(), "late"));
        Events.publish(kafka, Events.comment(ada.id(), ada.username(), Events.nextId(), gone.id(), gone.username(),
                "late too"));
        Events.publish(kafka, Events.registered(gone.id(), gone.username(), "Gone", "Away"));
        Events.publish(kafka, Events.comment(bob.id(), bob.username(), adasPost, ada.id(), ada.username(), "after"));
        awaitCount("SELECT COUNT(*) FROM notifications WHERE recipient_id = ?", ada.id(), 3);
        for (String topic : List.of(EventTopics.COMMENT_CREATED, EventTopics.USER_REGISTERED, EventTopics.USER_DELETED)) {
            Listeners.awaitConsumed(brokers(), topic);
        }
        assertThat(named(gone.id())).as(() -> jdbc.sql("SELECT * FROM notifier_posts").query().listOfRows() + " "
                + jdbc.sql("SELECT * FROM notifier_users").query().listOfRows() + " "
                + jdbc.sql("SELECT * FROM like_states").query().listOfRows()).isZero();
        assertThat(all(ada)).hasSize(3);
    }

    /** Rows of any notifier table that name the account by id (its tombstone in retractions aside). */
    private long named(long id) {
        return count("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? OR actor_id = ?", id, id)
                + count("SELECT COUNT(*) FROM notifier_users WHERE id = ?", id)
                + count("SELECT COUNT(*) FROM notifier_silences WHERE user_id = ? OR other_id = ?", id, id)
                + count("SELECT COUNT(*) FROM like_states WHERE actor_id = ?", id)
                + count("SELECT COUNT(*) FROM notifier_posts WHERE author_id = ?", id)
                + count("SELECT COUNT(*) FROM notifier_posts WHERE ',' || mentioned_user_ids || ',' LIKE ?", "%," + id + ",%")
                + count("SELECT COUNT(*) FROM notifier_comment_mentions WHERE ',' || mentioned_user_ids || ',' LIKE ?",
                        "%," + id + ",%");
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    private void awaitCount(String sql, long id, long expected) {
        Object[] params = sql.chars().filter(c -> c == '?').count() == 2 ? new Object[] {id, id} : new Object[] {id};
        Awaitility.await().atMost(Duration.ofSeconds(30)).alias(sql + " for " + id + " = " + expected
                + ", was " + count(sql, params) + " " + jdbc.sql("SELECT type || ':' || actor_id || '>' || recipient_id FROM notifications")
                .query(String.class).list()).until(() -> count(sql, params) == expected);
    }

    private LoggedIn person(String name, String first, String last) {
        LoggedIn user = TestSessions.login(sessions, Events.nextId(), name + Events.nextId());
        Events.publish(kafka, Events.registered(user.id(), user.username(), first, last));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT COUNT(*) FROM notifier_users WHERE id = ?", user.id()) == 1);
        return user;
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
