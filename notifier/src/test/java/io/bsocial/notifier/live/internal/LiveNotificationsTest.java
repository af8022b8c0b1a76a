package io.bsocial.notifier.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.session.SessionRepository;
import org.springframework.web.socket.WebSocketHttpHeaders;

import io.bsocial.notifier.NotifierApplication;
import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.Http;
import io.bsocial.notifier.support.Listeners;
import io.bsocial.notifier.support.StompTabs;
import io.bsocial.notifier.support.StompTabs.Tab;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.events.Actor;
import tools.jackson.databind.JsonNode;

/** STOMP clients authenticated by a real session cookie, as a browser tab of web would be. */
@NotifierTest
class LiveNotificationsTest {

    private static final String ALLOWED_ORIGIN = StompTabs.ORIGIN;

    private static final String NOTIFICATIONS = "/user/queue/notifications";

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
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ApplicationContext context;

    StompTabs tabs;
    LoggedIn author;
    LoggedIn commenter;

    @BeforeEach
    void setUp() {
        tabs = new StompTabs(port, connected);
        author = TestSessions.login(sessions, Events.nextId(), "live" + Events.nextId());
        commenter = TestSessions.login(sessions, Events.nextId(), "talker" + Events.nextId());
    }

    @AfterEach
    void tearDown() {
        tabs.close();
    }

    @Test
    void aConnectedAuthorReceivesTheNotificationLiveAndItCountsAsDelivered() throws Exception {
        Tab client = connect(author, ALLOWED_ORIGIN);

        CommentCreated comment = comment("live and direct");
        Events.publish(kafka, comment);

        JsonNode pushed = client.next();
        assertThat(pushed.get("commentId").asLong()).isEqualTo(comment.commentId());
        assertThat(pushed.get("excerpt").asString()).isEqualTo("live and direct");
        assertThat(pushed.get("actor").get("username").asString()).isEqualTo(commenter.username());
        assertThat(Http.get(port, "/api/notifications", author.auth()).json().get("items")).isEmpty();
    }

    @Test
    void aFollowArrivesLiveOnceHoweverOftenTheyRefollowThatDay() throws Exception {
        Tab client = connect(author, ALLOWED_ORIGIN);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < 3; i++) {
            Events.publish(kafka, Events.followed(commenter.id(), commenter.username(), author.id(), author.username(),
                    at.plusMillis(i)));
        }

        JsonNode pushed = client.next();
        assertThat(pushed.propertyNames()).containsExactlyInAnyOrder("id", "type", "actor", "createdAt");
        assertThat(pushed.get("type").asString()).isEqualTo("follow");
        assertThat(pushed.get("actor").get("id").asLong()).isEqualTo(commenter.id());
        Listeners.awaitConsumed(System.getProperty("spring.embedded.kafka.brokers"), EventTopics.USER_FOLLOWED);
        // The comment comes after any push of a second follow (same recipient key on the stored topic).
        CommentCreated after = comment("after the follows");
        Events.publish(kafka, after);
        assertThat(client.next().get("commentId").asLong()).as("no second follow").isEqualTo(after.commentId());
        assertThat(Http.get(port, "/api/notifications", author.auth()).json().get("items")).isEmpty();
    }

    @Test
    void deletingACommentOrItsPostRetractsTheNotificationFromOpenSockets() throws Exception {
        Tab client = connect(author, ALLOWED_ORIGIN);
        long post = Events.nextId();
        CommentCreated first = Events.comment(commenter.id(), commenter.username(), post, author.id(),
                author.username(), "first");
        CommentCreated second = Events.comment(commenter.id(), commenter.username(), post, author.id(),
                author.username(), "second");
        Events.publish(kafka, first);
        long firstId = client.next().get("id").asLong();
        Events.publish(kafka, second);
        long secondId = client.next().get("id").asLong();

        Events.publish(kafka, Events.commentDeleted(first));
        JsonNode retracted = client.next();
        assertThat(retracted.propertyNames()).containsExactlyInAnyOrder("type", "ids");
        assertThat(retracted.get("type").asString()).isEqualTo("retracted");
        assertThat(retracted.get("ids").valueStream().map(JsonNode::asLong).toList()).containsExactly(firstId);

        Events.publish(kafka, Events.postDeleted(author.id(), author.username(), post));
        assertThat(client.next().get("ids").valueStream().map(JsonNode::asLong).toList()).containsExactly(secondId);
        JsonNode recent = Http.get(port, "/api/notifications/recent", author.auth()).json();
        assertThat(recent.get("items")).isEmpty();
        assertThat(recent.get("unread").asLong()).isZero();
    }

    @Test
    void everyOpenSessionOfTheAuthorGetsItAndNobodyElseDoes() throws Exception {
        Tab firstTab = connect(author, ALLOWED_ORIGIN);
        LoggedIn sameUserOtherDevice = TestSessions.login(sessions, author.id(), author.username());
        Tab secondTab = connect(sameUserOtherDevice, ALLOWED_ORIGIN);
        Tab someoneElse = connect(commenter, ALLOWED_ORIGIN);

        CommentCreated comment = comment("for every tab");
        Events.publish(kafka, comment);

        assertThat(firstTab.next().get("commentId").asLong()).isEqualTo(comment.commentId());
        assertThat(secondTab.next().get("commentId").asLong()).isEqualTo(comment.commentId());
        assertThat(someoneElse.received().poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void whatWaitedIsSentWhenTheUserConnects() throws Exception {
        CommentCreated whileAway = comment("while you were away");
        Events.publish(kafka, whileAway);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ?").param(whileAway.commentId())
                .query(Long.class).single() == 1);

        Tab client = connect(author, ALLOWED_ORIGIN);

        assertThat(client.next().get("commentId").asLong()).isEqualTo(whileAway.commentId());
        assertThat(Http.get(port, "/api/notifications", author.auth()).json().get("items")).isEmpty();
    }

    @Test
    void anonymousHandshakesAndForeignOriginsAreRefused() {
        WebSocketHttpHeaders anonymous = new WebSocketHttpHeaders();
        anonymous.setOrigin(ALLOWED_ORIGIN);
        assertThatThrownBy(() -> tabs.connect(anonymous, new StompHeaders())).hasMessageContaining("401");

        assertThatThrownBy(() -> connect(author, "http://evil.example.com")).hasMessageContaining("403");
    }

    @Test
    void loggingOutClosesTheSessionsSockets() throws Exception {
        Tab client = connect(author, ALLOWED_ORIGIN);
        assertThat(client.session().isConnected()).isTrue();

        sessions.deleteById(author.sessionId());
        Events.publish(kafka, UserLoggedOut.of(new Actor(author.id(), author.username(), "x@example.com"),
                java.time.Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !client.session().isConnected());
    }

    @Test
    void withTwoInstancesTheAuthorsSocketsOnBothGetEveryNotificationOnce() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NotifierApplication.class).run(
                "--server.port=0", "--spring.jmx.enabled=false",
                "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                "--bsocial.notifier.allowed-origins=" + ALLOWED_ORIGIN)) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            // Both instances share the comment partitions (so each stores some notifications), and
            // the second one's instance consumer listens from now on.
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    commentConsumers(second).allMatch(container -> !container.getAssignedPartitions().isEmpty())
                            && commentConsumers(listeners).allMatch(container -> !container.getAssignedPartitions().isEmpty())
                            && storingPartitions(listeners) + storingPartitions(second.getBean(
                                    KafkaListenerEndpointRegistry.class)) == 3);
            Listeners.awaitInstanceListeners(second);

            Tab here = connect(author, ALLOWED_ORIGIN);
            LoggedIn otherDevice = TestSessions.login(sessions, author.id(), author.username());
            // Spring's client on the second instance, closed with it.
            try (StompTabs secondTabs = new StompTabs(secondPort, second.getBean(SimpUserRegistry.class))) {
                Tab there = secondTabs.open(otherDevice, NOTIFICATIONS);

                List<Long> sent = new ArrayList<>();
                for (int partition = 0; partition < 3; partition++) {
                    CommentCreated comment = comment("to partition " + partition);
                    kafka.send(EventTopics.COMMENT_CREATED, partition, String.valueOf(comment.postId()),
                            EventJson.write(comment)).get(10, TimeUnit.SECONDS);
                    sent.add(comment.commentId());
                }

                assertThat(List.of(here.next(), here.next(), here.next())).extracting(n -> n.get("commentId").asLong())
                        .containsExactlyInAnyOrderElementsOf(sent);
                assertThat(List.of(there.next(), there.next(), there.next()))
                        .extracting(n -> n.get("commentId").asLong()).containsExactlyInAnyOrderElementsOf(sent);
                assertThat(here.received().poll(2, TimeUnit.SECONDS)).as("nothing twice").isNull();
                assertThat(there.received().poll(1, TimeUnit.SECONDS)).as("nothing twice").isNull();
                assertThat(Http.get(port, "/api/notifications", author.auth()).json().get("items")).isEmpty();
            }
        }
    }

    /**
     * Eight tabs of one user subscribe, from eight threads, while notifications are stored: each
     * tab's catch-up races the pushes. No tab hears a notification twice; what a tab heard HTTP
     * never answers, and what no tab heard HTTP answers. So nothing was marked delivered that no
     * socket received (a push sent before the broker held the subscription would be lost).
     */
    @Test
    void tabsThatSubscribeWhileNotificationsArriveHearEachOnceAndHttpAnswersTheRest() throws Exception {
        int tabs = 8;
        int count = 24;
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        List<Long> sent = new ArrayList<>();
        List<Tab> clients;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Tab>> connecting = new ArrayList<>();
            for (int tab = 0; tab < tabs; tab++) {
                LoggedIn device = TestSessions.login(sessions, author.id(), author.username());
                connecting.add(pool.submit(() -> {
                    start.await();
                    return connect(device, ALLOWED_ORIGIN);
                }));
            }
            start.countDown();
            for (int i = 0; i < count; i++) {
                CommentCreated comment = comment("while tabs open " + i);
                Events.publish(kafka, comment);
                sent.add(comment.commentId());
            }
            clients = new ArrayList<>();
            for (Future<Tab> client : connecting) {
                clients.add(client.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifications WHERE comment_id IN (:ids)").param("ids", sent)
                .query(Long.class).single() == count);

        List<Long> byHttp = new ArrayList<>();
        Http.get(port, "/api/notifications", author.auth()).json().get("items")
                .forEach(item -> byHttp.add(item.get("commentId").asLong()));
        List<List<Long>> heard = clients.stream().map(client -> (List<Long>) new ArrayList<Long>()).toList();
        // A push claimed before the HTTP call may still be on its way to the tabs.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int tab = 0; tab < tabs; tab++) {
                JsonNode message;
                while ((message = clients.get(tab).received().poll()) != null) {
                    heard.get(tab).add(message.get("commentId").asLong());
                }
            }
            return Stream.concat(heard.stream().flatMap(List::stream), byHttp.stream()).distinct().count() == count;
        });

        assertThat(byHttp).doesNotHaveDuplicates();
        for (List<Long> tab : heard) {
            assertThat(tab).as("a tab hears each notification once").doesNotHaveDuplicates();
            assertThat(tab).as("what a tab heard, HTTP does not answer").filteredOn(byHttp::contains).isEmpty();
        }
        assertThat(Stream.concat(heard.stream().flatMap(List::stream), byHttp.stream()).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    private Stream<MessageListenerContainer> commentConsumers(ConfigurableApplicationContext context) {
        return commentConsumers(context.getBean(KafkaListenerEndpointRegistry.class));
    }

    private static Stream<MessageListenerContainer> commentConsumers(KafkaListenerEndpointRegistry registry) {
        return registry.getListenerContainers().stream()
                .filter(container -> container.getContainerProperties().getTopics() != null
                        && List.of(container.getContainerProperties().getTopics())
                        .contains(EventTopics.COMMENT_CREATED));
    }

    /** Partitions of the comment topic this instance holds in the shared, storing group. */
    private static int storingPartitions(KafkaListenerEndpointRegistry registry) {
        return commentConsumers(registry).filter(container -> "bsocial-notifier".equals(container.getGroupId()))
                .mapToInt(container -> container.getAssignedPartitions().size()).sum();
    }

    private CommentCreated comment(String content) {
        return Events.comment(commenter.id(), commenter.username(), Events.nextId(), author.id(), author.username(),
                content);
    }

    private Tab connect(LoggedIn user, String origin) {
        Tab tab = tabs.open(user, origin, NOTIFICATIONS);
        Listeners.awaitInstanceListeners(context);
        return tab;
    }
}
