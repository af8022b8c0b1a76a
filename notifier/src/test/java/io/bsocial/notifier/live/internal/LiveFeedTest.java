package io.bsocial.notifier.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
import io.bsocial.notifier.support.Listeners;
import io.bsocial.notifier.support.StompTabs;
import io.bsocial.notifier.support.StompTabs.Tab;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.notifier.support.WebFollows;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostUpdated;
import tools.jackson.databind.JsonNode;

/** Feed pages hear of their followees' new, edited and deleted posts, and of nobody else's. */
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
    ApplicationContext context;

    @Autowired
    Followers followers;

    StompTabs tabs;
    WebFollows follows;
    LoggedIn author;
    LoggedIn follower;
    LoggedIn stranger;

    @BeforeEach
    void setUp() {
        tabs = new StompTabs(port, connected);
        follows = new WebFollows(jdbc);
        author = TestSessions.login(sessions, Events.nextId(), "writer" + Events.nextId());
        follower = TestSessions.login(sessions, Events.nextId(), "reader" + Events.nextId());
        stranger = TestSessions.login(sessions, Events.nextId(), "stranger" + Events.nextId());
        // The instance's own consumer starts at the newest offset: publish only once it listens.
        Listeners.awaitInstanceListeners(context);
    }

    @AfterEach
    void tearDown() {
        tabs.close();
    }

    @Test
    void aFollowersOpenFeedHearsOfNewEditedAndDeletedPostsAndAStrangersDoesNot() throws Exception {
        follows.follow(follower.id(), author.id());
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

        Instant editedAt = now();
        publish(EventTopics.POST_UPDATED, postId, PostUpdated.of(actor(author), postId, "hello, followers", editedAt));
        JsonNode edited = followerFeed.next();
        assertThat(edited.get("type").asString()).isEqualTo("post-updated");
        assertThat(edited.get("postId").asLong()).isEqualTo(postId);
        assertThat(Instant.parse(edited.get("editedAt").asString())).isEqualTo(editedAt);
        assertThat(edited.has("content")).isFalse();

        publish(EventTopics.POST_DELETED, postId, PostDeleted.of(actor(author), postId, now()));
        JsonNode deleted = followerFeed.next();
        assertThat(deleted.get("type").asString()).isEqualTo("post-deleted");
        assertThat(deleted.get("postId").asLong()).isEqualTo(postId);

        assertThat(strangerFeed.received().poll(1, TimeUnit.SECONDS)).isNull();
    }

    /**
     * Who follows whom is read where web keeps it, when a post arrives: an unfollow silences the
     * feed at once and a follow opens it, with nothing copied that could lag or disagree.
     */
    @Test
    void theFeedFollowsWebsFollowGraphAsItIsWhenThePostArrives() throws Exception {
        follows.follow(follower.id(), author.id());
        follows.unfollow(follower.id(), author.id());
        Tab feed = open(follower);

        long unseen = Events.nextId();
        publish(EventTopics.POST_CREATED, unseen, PostCreated.of(actor(author), unseen, "not for you", now()));
        assertThat(feed.received().poll(2, TimeUnit.SECONDS)).isNull();

        follows.follow(follower.id(), author.id());
        long seen = Events.nextId();
        publish(EventTopics.POST_CREATED, seen, PostCreated.of(actor(author), seen, "for you again", now()));
        assertThat(feed.next().get("postId").asLong()).isEqualTo(seen);
    }

    /**
     * Never a post of someone the subscriber muted or is in a block with, even while web's follow
     * still stands (a mute keeps the follow; a block's end of it may come later than its event).
     */
    @Test
    void aMutedOrBlockingAuthorsPostsNeverReachTheFeed() throws Exception {
        follows.follow(follower.id(), author.id());
        Tab feed = open(follower);

        Events.mute(kafka, follower.id(), follower.username(), author.id(), false, now());
        awaitSilence("mute", follower, author, true);
        long muted = Events.nextId();
        publish(EventTopics.POST_CREATED, muted, PostCreated.of(actor(author), muted, "muted", now()));
        assertThat(feed.received().poll(2, TimeUnit.SECONDS)).isNull();

        Events.mute(kafka, follower.id(), follower.username(), author.id(), true, now());
        awaitSilence("mute", follower, author, false);
        Events.block(kafka, author.id(), author.username(), follower.id(), false, now());
        awaitSilence("block", author, follower, true);
        long blocked = Events.nextId();
        publish(EventTopics.POST_CREATED, blocked, PostCreated.of(actor(author), blocked, "blocked", now()));
        assertThat(feed.received().poll(2, TimeUnit.SECONDS)).isNull();

        Events.block(kafka, author.id(), author.username(), follower.id(), true, now());
        awaitSilence("block", author, follower, false);
        long seen = Events.nextId();
        publish(EventTopics.POST_CREATED, seen, PostCreated.of(actor(author), seen, "heard again", now()));
        assertThat(feed.next().get("postId").asLong()).isEqualTo(seen);
    }

    private void awaitSilence(String kind, LoggedIn who, LoggedIn whom, boolean active) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM notifier_silences WHERE user_id = ? AND other_id = ? AND kind = ? AND active = ?""")
                .param(who.id()).param(whom.id()).param(kind).param(active).query(Long.class).single() == 1);
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

    /**
     * Of 1,200 connected people (more than one statement asks about), exactly the author's 400
     * followers, eight times over: on PostgreSQL the statement is planned once for every author
     * after five runs, and must still find them all.
     */
    @Test
    void theAuthorsFollowersAmongManyConnectedPeopleAreExactlyFound() {
        long someone = Events.nextId();
        List<Long> connectedPeople = new ArrayList<>();
        Set<Long> followersOfSomeone = new HashSet<>();
        for (int i = 0; i < 1_200; i++) {
            long id = Events.nextId();
            connectedPeople.add(id);
            if (i % 3 == 0) {
                follows.follow(id, someone);
                followersOfSomeone.add(id);
            } else {
                follows.follow(id, Events.nextId());
            }
        }
        for (int run = 0; run < 8; run++) {
            assertThat(followers.of(someone, connectedPeople)).containsExactlyInAnyOrderElementsOf(followersOfSomeone);
        }
        assertThat(followers.of(someone, List.of())).isEmpty();
        assertThat(followers.of(Events.nextId(), connectedPeople)).isEmpty();
    }
}
