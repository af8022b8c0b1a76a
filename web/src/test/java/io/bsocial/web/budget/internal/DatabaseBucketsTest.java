package io.bsocial.web.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.budget.Allowance;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The buckets in the database, as two web instances share them (on H2 and PostgreSQL): one bucket
 * spent from both at once never gives out more than its quota; a unit spent in a transaction that
 * rolls back is not spent; a raised budget reaches buckets written before; and expired rows leave
 * in bounded batches.
 */
@WebIntegrationTest
class DatabaseBucketsTest {

    static final Allowance TWENTY_FIVE = Allowance.valueOf("25/1h");

    @Autowired
    DatabaseBuckets buckets;

    @Autowired
    ExpiredBucketsPruner pruner;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoInstancesSpendingOneBucketFromEightThreadsNeverGiveOutMoreThanItsQuota() throws Exception {
        DatabaseBuckets otherInstance = DatabaseBuckets.of(jdbc, dataSource, Clock.systemUTC());
        String key = key();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Boolean> consumed = new ArrayList<>();
        try {
            List<Future<List<Boolean>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DatabaseBuckets instance = t % 2 == 0 ? buckets : otherInstance;
                work.add(pool.submit(() -> {
                    start.await();
                    List<Boolean> mine = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        mine.add(transactions.execute(status -> instance.tryConsume(key, TWENTY_FIVE)).isConsumed());
                    }
                    return mine;
                }));
            }
            for (Future<List<Boolean>> done : work) {
                consumed.addAll(done.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(consumed.stream().filter(yes -> yes).count()).isEqualTo(25);
        assertThat(consumed).hasSize(40);
    }

    @Test
    void aUnitSpentInATransactionThatRollsBackIsNotSpent() {
        String key = key();
        Allowance one = Allowance.valueOf("1/1h");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            assertThat(buckets.tryConsume(key, one).isConsumed()).isTrue();
            throw new IllegalStateException("the write failed");
        })).hasMessage("the write failed");

        assertThat(transactions.execute(status -> buckets.tryConsume(key, one)).isConsumed()).isTrue();
        ConsumptionProbe refused = transactions.execute(status -> buckets.tryConsume(key, one));
        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void aBudgetIsSpentInsideATransactionOnly() {
        assertThatThrownBy(() -> buckets.tryConsume(key(), TWENTY_FIVE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBudgetRaisedByConfigurationReachesBucketsSpentBefore() throws InterruptedException {
        String key = key();
        Allowance three = Allowance.valueOf("3/1h");
        for (int i = 0; i < 3; i++) {
            assertThat(transactions.execute(status -> buckets.tryConsume(key, three)).isConsumed()).isTrue();
        }
        assertThat(transactions.execute(status -> buckets.tryConsume(key, three)).isConsumed()).isFalse();

        Thread.sleep(5); // an instance started later, with the budget raised to 5
        DatabaseBuckets restarted = DatabaseBuckets.of(jdbc, dataSource, Clock.systemUTC());
        Allowance five = Allowance.valueOf("5/1h");
        assertThat(transactions.execute(status -> restarted.tryConsume(key, five)).isConsumed()).isTrue();
        assertThat(transactions.execute(status -> restarted.tryConsume(key, five)).isConsumed()).isTrue();
        assertThat(transactions.execute(status -> restarted.tryConsume(key, five)).isConsumed()).isFalse();
    }

    @Test
    void aBucketExpiresWhenItIsFullAgainAndExpiredBucketsLeaveInBoundedBatches() {
        String spent = key();
        transactions.execute(status -> buckets.tryConsume(spent, Allowance.valueOf("3/1h")));
        long expiresAt = jdbc.sql("SELECT expires_at FROM budget_buckets WHERE id = ?").param(spent).query(Long.class).single();
        assertThat(expiresAt - System.currentTimeMillis()).isBetween(Duration.ofMinutes(59).toMillis(),
                Duration.ofHours(1).toMillis());

        String prefix = key();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            insert(prefix + ":expired:" + i, now - 1_000 - i);
        }
        insert(prefix + ":live:1", now + 60_000);
        insert(prefix + ":live:2", now + 3_600_000);

        assertThat(buckets.removeExpired(2)).isEqualTo(2);
        assertThat(pruner.prune()).isGreaterThanOrEqualTo(3);

        assertThat(jdbc.sql("SELECT id FROM budget_buckets WHERE id LIKE ? ORDER BY id").param(prefix + ":%")
                .query(String.class).list()).containsExactly(prefix + ":live:1", prefix + ":live:2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM budget_buckets WHERE id = ?").param(spent).query(Long.class).single())
                .isOne();
    }

    private void insert(String id, long expiresAt) {
        jdbc.sql("INSERT INTO budget_buckets (id, state, expires_at) VALUES (?, NULL, ?)").params(id, expiresAt).update();
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
