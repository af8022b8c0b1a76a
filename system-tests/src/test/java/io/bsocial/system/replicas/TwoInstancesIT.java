package io.bsocial.system.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.system.browser.Browser;
import io.bsocial.system.support.ServiceProcess;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Two of everything, on this machine (issue 28): two web, two notifier and two indexer processes
 * from their runnable jars behind HAProxy (round-robin, no stickiness), sharing one PostgreSQL
 * schema of the run's own, the run's Kafka broker and one OpenSearch node. Through the balancer:
 * logins, posts and feeds work whichever web answers; a browser's live notifications and live feed
 * arrive whichever notifier stores them; {@code kill -9} of one instance of each while 8 writers
 * post and comment loses no acknowledged write and no notification, the browser reconnects to the
 * surviving notifier, and OpenSearch holds exactly one document per event.
 *
 * <p>Not part of {@code mvn verify} (it takes minutes, and CI's time is spent): {@code ./bsocial
 * bench replicas} runs it ({@code -Preplicas}) and puts its figures in docs/benchmarks.md.
 */
@ExtendWith(SearchNodes.class)
class TwoInstancesIT {

    static final String INDEX = "bsocial-events-replicas";
    static final String SCHEMA = "bsocial_replicas_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    static final String POSTGRES = System.getProperty("bsocial.replicas.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String DATABASE = POSTGRES + "?currentSchema=" + SCHEMA;
    static final List<String> NOTIFIER_IDS = List.of("replicas-notifier-1", "replicas-notifier-2");
    static final int WRITERS = 8;

    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private LoadBalancer balancer;
    private Browser browser;

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (balancer != null) {
            balancer.close();
        }
        instances.values().parallelStream().forEach(ServiceProcess::close);
        try (Connection db = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement drop = db.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void twoOfEverythingBehaveAsOne() throws Exception {
        String kafka = System.getProperty("spring.embedded.kafka.brokers");
        int publicPort = TcpForwarder.freePort();
        int indexerPort = TcpForwarder.freePort();
        for (String name : List.of("web-1", "web-2", "notifier-1", "notifier-2", "indexer-1", "indexer-2")) {
            ports.put(name, TcpForwarder.freePort());
        }
        balancer = LoadBalancer.start(publicPort, indexerPort, TcpForwarder.freePort(), only("web"), only("notifier"),
                only("indexer"));
        String publicUrl = "http://127.0.0.1:" + publicPort;
        startEverything(kafka, publicUrl, indexerPort);

        ApiClient api = new ApiClient(publicUrl);
        webAnswersAlikeWhicheverInstance(api, new ApiClient("http://127.0.0.1:" + indexerPort));
        LoggedIn reader = TestUsers.create(api, "replica_reader");
        LoggedIn poster = TestUsers.create(api, "replica_poster");
        TestUsers.follow(api, reader, poster);
        List<LoggedIn> commenters = List.of(TestUsers.create(api, "replica_commenter"), TestUsers.create(api, "replica_commenter"));
        for (LoggedIn commenter : commenters) {
            TestUsers.follow(api, commenter, reader);
        }
        NotifierPartitions kafkaGroups = new NotifierPartitions(kafka);
        Map<Integer, Long> readerPostPerPartition = postsOnEveryPartition(api, reader, kafkaGroups.partitions());
        notifierApiAnswersAlikeWhicheverInstance(api, reader);

        // The browser, signed in through the balancer; its bell and feed share one STOMP socket.
        browser = Browser.lease(publicUrl);
        browser.logInLive(reader);
        // What the notifier pushes over the page's socket, heard by a subscription of the test's own
        // beside the bell's (the bell ignores a push for what it already loaded over HTTP), and
        // subscribed again on each reconnect, as the page's own parts do.
        browser.script("window.liveNotifications = [];"
                + "function listen(client) { client.subscribe('/user/queue/notifications', function (message) {"
                + "  var id = JSON.parse(message.body).commentId; window.liveNotifications.push(id);"
                + "  window.pushedAt = window.pushedAt || {}; window.pushedAt[id] = Date.now(); }); }"
                + "if (window.bsocial.stomp && window.bsocial.stomp.connected) { listen(window.bsocial.stomp); }"
                + "document.addEventListener('bsocial:connected', function (e) { listen(e.detail); });");
        String socketOn = socketHolder();
        figures.put("socket_first", socketOn);

        // Live feed: the poster's posts reach the open feed page.
        TestUsers.post(api, poster, "Live through the balancer, one");
        TestUsers.post(api, poster, "Live through the balancer, two");
        browser.waitForText("#new-posts-button", "2 new posts");

        // Live notifications: one comment per partition, so both notifiers store some.
        Map<Integer, String> owners = kafkaGroups.owners(NOTIFIER_IDS);
        assertThat(new HashSet<>(owners.values())).as("each notifier reads some of the comment partitions: %s", owners)
                .containsExactlyInAnyOrderElementsOf(NOTIFIER_IDS);
        Map<String, Integer> storedBy = new TreeMap<>();
        List<Long> firstComments = new ArrayList<>();
        readerPostPerPartition.forEach((partition, post) -> {
            firstComments.add(TestUsers.comment(api, commenters.get(0), post, "Pushed whichever notifier stores it"));
            storedBy.merge(owners.get(partition).replace("replicas-", ""), 1, Integer::sum);
        });
        awaitLive(firstComments, Duration.ofSeconds(60));
        figures.put("live_first", firstComments.size() + " of " + firstComments.size() + " pushed (stored by " + storedBy
                + ", socket on " + socketOn + ")");

        // Eight writers, then kill -9 of one instance of each tier while they write.
        List<LoggedIn> authors = new ArrayList<>();
        List<Long> authorPosts = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            LoggedIn author = TestUsers.create(api, "replica_author");
            authors.add(author);
            authorPosts.add(TestUsers.post(api, author, "Comment on this while instances die"));
        }
        List<LoggedIn> writerUsers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            LoggedIn writer = TestUsers.create(api, "replica_writer");
            for (LoggedIn author : authors) {
                TestUsers.follow(api, writer, author);
            }
            writerUsers.add(writer);
        }
        Writers writers = new Writers(api, writerUsers, authorPosts);
        long writingSince = System.nanoTime();
        writers.start();
        Thread.sleep(8_000);
        String killedNotifier = socketOn;
        int beforeTheKills = writers.acknowledged();
        long killedAt = System.nanoTime();
        instances.get("web-1").kill();
        instances.get(killedNotifier).kill();
        instances.get("indexer-1").kill();
        figures.put("killed", "web-1, " + killedNotifier + " (the browser's socket), indexer-1");

        // The browser notices the closed socket and reconnects, through the balancer, to the survivor.
        browser.waitFor(d -> !"live".equals(browser.script("return document.body.dataset.notifications;")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "live".equals(browser.script("return document.body.dataset.notifications;")));
        figures.put("reconnect_s", seconds(System.nanoTime() - killedAt));
        String survivor = socketHolder();
        assertThat(survivor).isNotEqualTo(killedNotifier);
        figures.put("socket_after", survivor);
        // The live feed too, on the new socket (every notifier hears every post: no waiting for the group).
        TestUsers.post(api, poster, "Live through the balancer, after the crash");
        browser.waitForText("#new-posts-button", "3 new posts");

        // Live messages still arrive, including those of partitions the dead notifier read: those
        // move to the survivor once the group gives up on the dead member (its session timeout).
        long commentedAt = System.nanoTime();
        List<Long> afterKill = new ArrayList<>();
        readerPostPerPartition.values().forEach(post -> afterKill.add(
                TestUsers.comment(api, commenters.get(1), post, "Pushed after the crash")));

        Thread.sleep(15_000);
        writers.stop();
        long writersStopped = System.nanoTime();
        figures.put("writing", beforeTheKills + " acknowledged writes in the " + seconds(killedAt - writingSince)
                + " s before the kills, " + (writers.acknowledged() - beforeTheKills) + " in the "
                + seconds(Math.max(0, writers.lastAcknowledged.get() - killedAt)) + " s after them (until the writers stopped"
                + " or each had written " + Writers.MAX_WRITES_EACH + ")");
        checkNothingLost(writers, writersStopped, killedAt);

        awaitLive(afterKill, Duration.ofSeconds(150));
        figures.put("live_after", "a followed person's post on the live feed; comments " + afterKill.size() + " of " + afterKill.size() + " pushed, written "
                + seconds(commentedAt - killedAt) + " s after the kills, the last pushed " + seconds(lastPushed(afterKill) - commentedAt)
                + " s after it was written");
        requestsPerInstance();
        figures.put("unacknowledged", writers.unacknowledged.isEmpty() ? "none" : new TreeMap<>(writers.unacknowledged).toString());
        ReplicasReport.write(figures);
    }

    /** web-1 first: it migrates the schema (and the notifiers read its tables); then the other five side by side. */
    private void startEverything(String kafka, String publicUrl, int indexerPort) throws Exception {
        try (Connection db = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement create = db.createStatement()) {
            create.execute("CREATE SCHEMA " + SCHEMA);
        }
        int mailPort = TcpForwarder.freePort();
        long started = System.nanoTime();
        start("web-1", webArguments(kafka, publicUrl, indexerPort, mailPort, 1));
        figures.put("start_first_web_s", seconds(System.nanoTime() - started));
        long others = System.nanoTime();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        starting.add(startAsync("web-2", () -> webArguments(kafka, publicUrl, indexerPort, mailPort, 2)));
        for (int n = 1; n <= 2; n++) {
            int instance = n;
            starting.add(startAsync("notifier-" + n, () -> List.of("--spring.datasource.url=" + DATABASE,
                    "--spring.datasource.username=postgres", "--spring.flyway.schemas=" + SCHEMA,
                    "--spring.kafka.bootstrap-servers=" + kafka, "--bsocial.kafka.instance-id=replicas-notifier-" + instance,
                    "--bsocial.notifier.allowed-origins=http://127.0.0.1:*")));
            starting.add(startAsync("indexer-" + n, () -> List.of("--spring.kafka.bootstrap-servers=" + kafka,
                    "--bsocial.kafka.instance-id=replicas-indexer-" + instance,
                    "--bsocial.opensearch.url=" + SearchNodes.opensearch().url(), "--bsocial.opensearch.index=" + INDEX,
                    "--bsocial.opensearch.search-pattern=" + INDEX)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        figures.put("start_others_s", seconds(System.nanoTime() - others));
        figures.put("start_total_s", seconds(System.nanoTime() - started));
        // The balancer's health checks (every second) see all six up.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> ports.keySet().stream()
                .allMatch(name -> balancer.server(backend(name), name).getOrDefault("status", "").startsWith("UP")));
    }

    private List<String> webArguments(String kafka, String publicUrl, int indexerPort, int mailPort, int instance) {
        return List.of("--spring.datasource.url=" + DATABASE, "--spring.datasource.username=postgres",
                "--spring.flyway.schemas=" + SCHEMA, "--spring.kafka.bootstrap-servers=" + kafka,
                "--bsocial.kafka.instance-id=replicas-web-" + instance,
                // Pages send the bell to the notifier through the balancer: same origin, path-routed.
                "--bsocial.notifier.public-url=" + publicUrl,
                // Web asks the notifiers for the notifications page's first page the same way.
                "--bsocial.notifier.internal-url=" + publicUrl,
                "--bsocial.indexer.url=http://127.0.0.1:" + indexerPort,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailPort,
                // Hashing cost and the registration budget are other tests' subjects (see EndToEnd).
                "--bsocial.password-hashing.memory=1MB", "--bsocial.password-hashing.iterations=1",
                "--bsocial.budgets.registrations=1000/30m");
    }

    private CompletableFuture<Void> startAsync(String name, Supplier<List<String>> arguments) {
        return CompletableFuture.runAsync(() -> start(name, arguments.get()));
    }

    private void start(String name, List<String> arguments) {
        String jar = "bsocial." + name.substring(0, name.indexOf('-')) + ".jar";
        ServiceProcess process = ServiceProcess.start("replicas-" + name, jar, ports.get(name), arguments);
        synchronized (instances) {
            instances.put(name, process);
        }
    }

    private Map<String, Integer> only(String tier) {
        Map<String, Integer> servers = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            if (name.startsWith(tier + "-")) {
                servers.put(name, port);
            }
        });
        return servers;
    }

    private static String backend(String instance) {
        return instance.substring(0, instance.indexOf('-')) + "s";
    }

    /** Logins, posts and feeds: consecutive requests of one session go to both webs and answer alike. */
    private void webAnswersAlikeWhicheverInstance(ApiClient api, ApiClient indexers) {
        LoggedIn author = TestUsers.create(api, "replica_author");
        LoggedIn follower = TestUsers.create(api, "replica_follower");
        TestUsers.follow(api, follower, author);
        long post = TestUsers.post(api, author, "Seen from either instance");
        Set<String> loginsBy = new TreeSet<>();
        Set<String> feedsBy = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            ApiClient.Response login = api.post("/api/auth/login",
                    ApiClient.json(Map.of("login", follower.username(), "password", TestUsers.PASSWORD)));
            assertThat(login.status()).isEqualTo(200);
            loginsBy.add(login.header(LoadBalancer.SERVED_BY));
            String token = login.json().get("token").asString();
            // Two reads a login: round-robin over two webs then gives the next login to the other one.
            for (int j = 0; j < 2; j++) {
                ApiClient.Response feed = api.get("/api/feed?limit=5", "X-Auth-Token", token);
                assertThat(feed.status()).as(feed.body()).isEqualTo(200);
                assertThat(feed.json().get("items").get(0).get("id").asLong()).isEqualTo(post);
                feedsBy.add(feed.header(LoadBalancer.SERVED_BY));
            }
        }
        assertThat(loginsBy).containsExactly("web-1", "web-2");
        assertThat(feedsBy).containsExactly("web-1", "web-2");
        figures.put("web_alike", "6 logins answered by " + loginsBy + ", each session's 2 feed reads by " + feedsBy);

        // The indexers (web's insights call them through the balancer's internal frontend) answer alike too.
        Set<String> statsBy = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            ApiClient.Response stats = indexers.get("/api/stats/users/" + author.id() + "/top-and-worst-post");
            assertThat(stats.status()).as(stats.body()).isEqualTo(200);
            statsBy.add(stats.header(LoadBalancer.SERVED_BY));
        }
        assertThat(statsBy).containsExactly("indexer-1", "indexer-2");
    }

    private void notifierApiAnswersAlikeWhicheverInstance(ApiClient api, LoggedIn reader) {
        Set<String> servedBy = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            ApiClient.Response recent = api.get("/api/notifications/recent", reader.auth());
            assertThat(recent.status()).as(recent.body()).isEqualTo(200);
            servedBy.add(recent.header(LoadBalancer.SERVED_BY));
        }
        assertThat(servedBy).containsExactly("notifier-1", "notifier-2");
    }

    /** The reader's posts until there is one on every partition of comment-created: partition → post. */
    private static Map<Integer, Long> postsOnEveryPartition(ApiClient api, LoggedIn reader, int partitions) {
        Map<Integer, Long> posts = new TreeMap<>();
        for (int i = 0; posts.size() < partitions; i++) {
            assertThat(i).as("posts needed to cover %d partitions", partitions).isLessThan(60);
            long post = TestUsers.post(api, reader, "Comment here, partition hunting " + i);
            posts.putIfAbsent(NotifierPartitions.partitionOf(post, partitions), post);
        }
        return posts;
    }

    /** Which notifier holds the browser's WebSocket: the one with a session open through the balancer. */
    private String socketHolder() {
        List<String> holders = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            holders.clear();
            for (String notifier : List.of("notifier-1", "notifier-2")) {
                if (balancer.current("notifiers", notifier) > 0) {
                    holders.add(notifier);
                }
            }
            return holders.size() == 1;
        });
        return holders.get(0);
    }

    /** When the page heard the last of these comments' pushes, on this JVM's clock ({@link System#nanoTime()}). */
    private long lastPushed(Collection<Long> commentIds) {
        long last = 0;
        for (Long id : commentIds) {
            last = Math.max(last, ((Number) browser.script("return window.pushedAt[arguments[0]];", id)).longValue());
        }
        long pageNow = ((Number) browser.script("return Date.now();")).longValue();
        return System.nanoTime() - (pageNow - last) * 1_000_000;
    }

    private void awaitLive(Collection<Long> commentIds, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            List<Object> live = (List<Object>) browser.script("return window.liveNotifications;");
            Set<Long> arrived = new HashSet<>();
            live.stream().filter(Number.class::isInstance).forEach(id -> arrived.add(((Number) id).longValue()));
            assertThat(arrived).as("comments pushed live to the page").containsAll(commentIds);
        });
    }

    /** Every acknowledged write in the database, its notification stored once, its event indexed once. */
    private void checkNothingLost(Writers writers, long writersStopped, long killedAt) throws Exception {
        int posts = writers.posts.size();
        int comments = writers.comments.size();
        assertThat(posts).isPositive();
        assertThat(comments).isPositive();
        try (Connection db = DriverManager.getConnection(DATABASE, "postgres", "")) {
            int storedPosts = count(db, "SELECT COUNT(*) FROM posts WHERE id = ANY(?)", writers.posts.keySet());
            int storedComments = count(db, "SELECT COUNT(*) FROM comments WHERE id = ANY(?)", writers.comments.keySet());
            figures.put("posts", posts + " acknowledged, " + storedPosts + " in the database");
            figures.put("comments", comments + " acknowledged, " + storedComments + " in the database");
            assertThat(storedPosts).isEqualTo(posts);
            assertThat(storedComments).isEqualTo(comments);

            Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> count(db,
                    "SELECT COUNT(DISTINCT comment_id) FROM notifications WHERE type = 'comment' AND comment_id = ANY(?)",
                    writers.comments.keySet()) == comments);
            int notifications = count(db, "SELECT COUNT(*) FROM notifications WHERE type = 'comment' AND comment_id = ANY(?)",
                    writers.comments.keySet());
            figures.put("notifications", comments + " expected, " + notifications + " stored (all of them "
                    + seconds(System.nanoTime() - writersStopped) + " s after the writers stopped, "
                    + seconds(System.nanoTime() - killedAt) + " s after the kills)");
            assertThat(notifications).isEqualTo(comments);
        }

        Map<String, Map<String, Long>> documents = new HashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            documents.put("posts", documentsPer("post-created", "postId"));
            documents.put("comments", documentsPer("comment-created", "commentId"));
            return documents.get("posts").keySet().containsAll(ids(writers.posts.keySet()))
                    && documents.get("comments").keySet().containsAll(ids(writers.comments.keySet()));
        });
        long duplicates = documents.values().stream().flatMap(perId -> perId.values().stream()).filter(n -> n > 1).count();
        long indexedOnce = ids(writers.posts.keySet()).stream().filter(id -> documents.get("posts").get(id) == 1).count()
                + ids(writers.comments.keySet()).stream().filter(id -> documents.get("comments").get(id) == 1).count();
        figures.put("documents", (posts + comments) + " expected, " + indexedOnce + " indexed exactly once, " + duplicates
                + " events with more than one document (all of them " + seconds(System.nanoTime() - writersStopped)
                + " s after the writers stopped, " + seconds(System.nanoTime() - killedAt) + " s after the kills)");
        assertThat(duplicates).isZero();
        assertThat(indexedOnce).isEqualTo(posts + comments);
    }

    private static Set<String> ids(Set<Long> ids) {
        Set<String> strings = new HashSet<>();
        ids.forEach(id -> strings.add(Long.toString(id)));
        return strings;
    }

    private static int count(Connection db, String sql, Set<Long> ids) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("bigint", ids.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Documents of one event type in the run's index, counted per id field (post or comment id). */
    private static Map<String, Long> documentsPer(String eventType, String field) throws Exception {
        String url = SearchNodes.opensearch().url();
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(url + "/" + INDEX + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String query = "{\"size\":0,\"query\":{\"term\":{\"eventType\":\"" + eventType + "\"}},"
                + "\"aggs\":{\"ids\":{\"terms\":{\"field\":\"" + field + "\",\"size\":20000}}}}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/" + INDEX + "/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Long> perId = new HashMap<>();
        if (answer.statusCode() != 200) {
            return perId; // the index is made with the first event
        }
        for (JsonNode bucket : new ApiClient.Response(200, Map.of(), answer.body()).json().path("aggregations").path("ids").path("buckets")) {
            perId.put(bucket.get("key").asString(), bucket.get("doc_count").asLong());
        }
        return perId;
    }

    /** Every instance served requests through the balancer (the killed ones until they died). */
    private void requestsPerInstance() {
        for (String name : ports.keySet()) {
            long served = balancer.requests(backend(name), name);
            assertThat(served).as("requests %s served through HAProxy", name).isPositive();
            figures.put("requests_" + name, Long.toString(served));
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
