package io.bsocial.notifier.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.StompTabs;
import io.bsocial.notifier.support.StompTabs.Tab;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserUnfollowed;
import io.bsocial.shared.sql.SqlTime;
import tools.jackson.databind.JsonNode;

/** Feed pages hear of their followees' new and deleted posts, and of nobody else's. */
@NotifierTest
class LiveFeedTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    SimpUserRegistry connected;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    StompTabs tabs;
    LoggedIn author;
    LoggedIn follower;
    LoggedIn stranger;

    @BeforeEach
    void setUp() {
        tabs = new StompTabs(port, connected);
        author = TestSessions.login(sessions, Events.nextId(), "writer" + Events.nextId());
        follower = TestSessions.login(sessions, Events.nextId(), "reader" + Events.nextId());
        stranger = TestSessions.login(sessions, Events.nextId(), "stranger" + Events.nextId());
        // The feed's own consumers start at the newest offset: publish only once they hold their partitions.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .filter(container -> container.getGroupId() != null && container.getGroupId().startsWith("bsocial-notifier-feed-"))
                .allMatch(container -> container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty()));
    }

    @AfterEach
    void tearDown() {
        tabs.close();
    }

    @Test
    void aFollowersOpenFeedHearsOfNewAndDeletedPostsAndAStrangersDoesNot() throws Exception {
        follow(follower, author, Instant.now());
        Tab followerFeed = open(follower);
        Tab strangerFeed = open(stranger);

        long postId = Events.nextId();
        publish(EventTopics.POST_CREATED, postId, PostCreated.of(actor(author), postId, "hello followers", now()));

        JsonNode pushed = followerFeed.next();
        assertThat(pushed.get("type").asString()).isEqualTo("post");
        assertThat(pushed.get("postId").asLong()).isEqualTo(postId);
        assertThat(pushed.get("author").get("username").asString()).isEqualTo(author.username());
        assertThat(pushed.get("createdAt").asString()).isNotBlank();
        assertThat(pushed.has("content")).as("the page loads the post itself, as the viewer may see it").isFalse();

        publish(EventTopics.POST_DELETED, postId, PostDeleted.of(actor(author), postId, now()));
        JsonNode deleted = followerFeed.next();
        assertThat(deleted.get("type").asString()).isEqualTo("post-deleted");
        assertThat(deleted.get("postId").asLong()).isEqualTo(postId);

        assertThat(strangerFeed.received().poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void anUnfollowThatArrivesBeforeTheEarlierFollowStillWins() throws Exception {
        Instant followedAt = Instant.now().minusSeconds(10);
        Instant unfollowedAt = followedAt.plusSeconds(5);
        publish(EventTopics.USER_UNFOLLOWED, follower.id(), UserUnfollowed.of(actor(follower), author.id(),
                author.username(), unfollowedAt));
        awaitFact(follower, author, unfollowedAt);
        publish(EventTopics.USER_FOLLOWED, follower.id(), UserFollowed.of(actor(follower), author.id(),
                author.username(), followedAt));
        Tab feed = open(follower);

        long unseen = Events.nextId();
        publish(EventTopics.POST_CREATED, unseen, PostCreated.of(actor(author), unseen, "not for you", now()));
        assertThat(feed.received().poll(2, TimeUnit.SECONDS)).isNull();

        follow(follower, author, Instant.now());
        long seen = Events.nextId();
        publish(EventTopics.POST_CREATED, seen, PostCreated.of(actor(author), seen, "for you again", now()));
        assertThat(feed.next().get("postId").asLong()).isEqualTo(seen);
    }

    private void follow(LoggedIn who, LoggedIn whom, Instant at) {
        publish(EventTopics.USER_FOLLOWED, who.id(), UserFollowed.of(actor(who), whom.id(), whom.username(), at));
        awaitFact(who, whom, at);
    }

    private void awaitFact(LoggedIn who, LoggedIn whom, Instant at) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notifier_follows WHERE follower_id = ? AND followee_id = ? AND as_of >= ?")
                .params(who.id(), whom.id(), SqlTime.of(at.minusMillis(1))).query(Long.class).single() == 1);
    }

    private void publish(String topic, long key, BsocialEvent event) {
        Events.publishRaw(kafka, topic, String.valueOf(key), EventJson.write(event));
    }

    private static Actor actor(LoggedIn user) {
        return new Actor(user.id(), user.username(), user.username() + "@example.com");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Tab open(LoggedIn user) {
        return tabs.open(user, "/user/queue/feed");
    }
}
