package io.bsocial.notifier.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.support.Events;
import io.bsocial.shared.sql.SqlTime;

/**
 * The follow graph keeps the latest fact of each pair whatever order and however often the facts
 * arrive, also when they are recorded at once by several consumer threads (H2, and PostgreSQL with
 * -Ppostgres).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(FollowGraph.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class FollowGraphTest {

    private static final int THREADS = 8;

    @Autowired
    FollowGraph graph;

    @Autowired
    JdbcClient jdbc;

    record Pair(long follower, long followee) {
    }

    record Fact(Pair pair, boolean following, Instant at) {
    }

    @Test
    void concurrentFactsAboutOnePairLeaveTheLatest() throws Exception {
        long followerId = Events.nextId();
        long followeeId = Events.nextId();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            // The latest fact (i = 63) is an unfollow.
            facts.add(new Fact(new Pair(followerId, followeeId), i % 2 == 0, base.plusMillis(i)));
        }
        Collections.shuffle(facts);

        recordAtOnce(List.of(facts));

        assertThat(jdbc.sql("SELECT following FROM notifier_follows WHERE follower_id = ? AND followee_id = ?")
                .params(followerId, followeeId).query(Boolean.class).single()).isFalse();
        assertThat(graph.followersAmong(followeeId, List.of(followerId))).isEmpty();
    }

    /**
     * Eight threads record follows and unfollows of 60 pairs that share followers and followees:
     * each pair's facts come out of order, some twice or three times (a redelivery). The pairs go
     * in rounds of three new pairs that the threads start on together, so that facts of a pair race
     * for its first row as well as for its updates. The table then holds exactly the latest fact of
     * every pair.
     */
    @Test
    void eightThreadsRecordingFactsOfManyPairsLeaveTheLatestOfEach() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> followers = ids(24);
        List<Long> followees = ids(10);
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<List<Fact>> rounds = new ArrayList<>();
        Map<Pair, Fact> latest = new HashMap<>();
        for (long follower : followers) {
            for (long followee : followees) {
                if (latest.size() % 2 == 0) {
                    rounds.add(new ArrayList<>());
                }
                Pair pair = new Pair(follower, followee);
                int count = 4 + random.nextInt(9);
                for (int i = 0; i < count; i++) {
                    // Distinct times within a pair, a microsecond apart at the closest.
                    Fact fact = new Fact(pair, random.nextBoolean(),
                            base.plus(i * 3L + random.nextInt(3), ChronoUnit.MICROS));
                    int deliveries = 1 + random.nextInt(3);
                    for (int d = 0; d < deliveries; d++) {
                        rounds.get(rounds.size() - 1).add(fact);
                    }
                    if (!latest.containsKey(pair) || latest.get(pair).at().isBefore(fact.at())) {
                        latest.put(pair, fact);
                    }
                }
            }
        }
        rounds.forEach(round -> Collections.shuffle(round, random));

        recordAtOnce(rounds);

        Map<Pair, Fact> stored = new HashMap<>();
        jdbc.sql("SELECT follower_id, followee_id, following, as_of FROM notifier_follows WHERE follower_id IN (:ids)")
                .param("ids", followers)
                .query((rs, row) -> new Fact(new Pair(rs.getLong("follower_id"), rs.getLong("followee_id")),
                        rs.getBoolean("following"), SqlTime.instant(rs, "as_of")))
                .list()
                .forEach(fact -> stored.put(fact.pair(), fact));
        assertThat(stored).as("the latest fact of each pair (seed %d)", seed).isEqualTo(latest);
        for (long followee : followees) {
            assertThat(graph.followersAmong(followee, followers)).as("followers of %d (seed %d)", followee, seed)
                    .containsExactlyInAnyOrderElementsOf(latest.values().stream()
                            .filter(fact -> fact.pair().followee() == followee && fact.following())
                            .map(fact -> fact.pair().follower()).toList());
        }
    }

    /**
     * Records each round's facts from {@link #THREADS} threads that start the round together:
     * thread t takes the facts at t, t + 8, t + 16... The first facts of a new pair thus race for
     * its row, which a queue drained one fact at a time would seldom make them do.
     */
    private void recordAtOnce(List<List<Fact>> rounds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier together = new CyclicBarrier(THREADS);
        try {
            List<Future<?>> recorders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                recorders.add(threads.submit(() -> {
                    for (List<Fact> round : rounds) {
                        together.await(60, TimeUnit.SECONDS);
                        for (int i = thread; i < round.size(); i += THREADS) {
                            Fact fact = round.get(i);
                            graph.record(fact.pair().follower(), fact.pair().followee(), fact.following(), fact.at());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> recorder : recorders) {
                recorder.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Long> ids(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Events.nextId());
        }
        return ids;
    }
}
