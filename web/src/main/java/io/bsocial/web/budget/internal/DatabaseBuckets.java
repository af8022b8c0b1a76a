package io.bsocial.web.budget.internal;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bsocial.web.budget.Allowance;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions.BucketExecutionException;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's token buckets in the {@code budget_buckets} table, through its generic "select for
 * update" SPI (Bucket4j ships PostgreSQL and MySQL back ends, none for H2; this one's SQL runs on
 * both databases bSocial uses). Unlike Bucket4j's own back ends, a bucket is read, locked and
 * written on the connection of the transaction the caller is in, and committed with it: the unit
 * a write spends commits or rolls back with the write itself, and no request ever holds two
 * connections of the pool (with every connection of the pool waiting for a second one, the pool
 * would stall).
 *
 * <p>Each bucket refills its whole quota at the end of each window after its first use
 * ("intervally"), so a user who spent 300 posts waits for the window to end, however the spending
 * was spread. A row expires (column {@code expires_at}, epoch milliseconds) once its bucket would
 * be full again; {@link ExpiredBucketsPruner} deletes such rows, which changes nothing: a missing
 * bucket is a full one.
 */
public class DatabaseBuckets extends AbstractSelectForUpdateBasedProxyManager<String>
        implements ExpiredEntriesCleaner {

    private static final ExpirationAfterWriteStrategy EXPIRES_WHEN_FULL =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String selectForUpdate;
    /**
     * Buckets written by an instance that started earlier take this instance's configuration
     * (a raised budget, say) at their next use; units already spent stay spent.
     */
    private final long configurationVersion;

    /**
     * The buckets of the database behind {@code dataSource}. On H2 a bucket's lock is waited for up
     * to 10 s ({@code FOR UPDATE WAIT 10}): H2 gives up after 2 s by default (an error, a 500) and a
     * user's own concurrent writes may queue longer. PostgreSQL waits as long as it takes.
     */
    public static DatabaseBuckets of(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        try {
            String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return new DatabaseBuckets(jdbc, clock, "H2".equals(database) ? " WAIT 10" : "");
        } catch (MetaDataAccessException unknown) {
            throw new IllegalStateException("cannot tell which database holds the budgets", unknown);
        }
    }

    private DatabaseBuckets(JdbcClient jdbc, Clock clock, String waitClause) {
        super(ClientSideConfig.getDefault().withClientClock(new ClockTime(clock))
                .withExpirationAfterWriteStrategy(EXPIRES_WHEN_FULL));
        this.jdbc = jdbc;
        this.clock = clock;
        this.selectForUpdate = "SELECT state FROM budget_buckets WHERE id = :id FOR UPDATE" + waitClause;
        this.configurationVersion = clock.millis();
    }

    /**
     * Takes one unit from the bucket {@code key}, made with {@code allowance} if it is new. Must run
     * inside a transaction (the write's): the bucket's row stays locked until it ends.
     */
    public ConsumptionProbe tryConsume(String key, Allowance allowance) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a budget is spent inside the transaction of the write it pays for");
        }
        try {
            return bucket(key, allowance).tryConsumeAndReturnRemaining(1);
        } catch (BucketExecutionException failed) {
            // The database's own exception (a lock timeout, a lost connection), for the transaction to roll back on.
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** Puts one unit back into the bucket {@code key} (never above its quota), in the current transaction. */
    public void giveBack(String key, Allowance allowance) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a budget is given back inside a transaction");
        }
        bucket(key, allowance).addTokens(1);
    }

    private BucketProxy bucket(String key, Allowance allowance) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(allowance.quota()).refillIntervally(allowance.quota(), allowance.window()))
                .build();
        return builder().withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.ADDITIVE)
                .build(key, () -> configuration);
    }

    /** Deletes at most {@code batchSize} rows whose bucket is full again; answers how many. */
    @Override
    public int removeExpired(int batchSize) {
        long now = clock.millis();
        return jdbc.sql("""
                DELETE FROM budget_buckets
                 WHERE expires_at < :now
                   AND id IN (SELECT id FROM budget_buckets WHERE expires_at < :now LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("now", now).param("batch", batchSize).update();
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        jdbc.sql("DELETE FROM budget_buckets WHERE id = :id").param("id", key).update();
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        return new InTheWritersTransaction(key);
    }

    /**
     * Bucket4j's transaction, played inside the caller's: begin, commit and rollback are the
     * caller's to do. When the row does not exist yet, Bucket4j inserts it and starts over; the
     * second pass finds it (inserted by this transaction, or by a concurrent one that committed
     * meanwhile: the insert waited for it) and locks it.
     */
    private final class InTheWritersTransaction implements SelectForUpdateBasedTransaction {

        private final String key;

        InTheWritersTransaction(String key) {
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            List<byte[]> state = jdbc.sql(selectForUpdate).param("id", key).query((row, n) -> row.getBytes(1)).list();
            return state.isEmpty() ? LockAndGetResult.notLocked() : LockAndGetResult.locked(state.get(0));
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            return jdbc.sql("INSERT INTO budget_buckets (id, state, expires_at) VALUES (:id, NULL, NULL) ON CONFLICT DO NOTHING")
                    .param("id", key).update() > 0;
        }

        @Override
        public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
            long now = clock.millis();
            long timeToLive = EXPIRES_WHEN_FULL.calculateTimeToLiveMillis(newState, now * 1_000_000);
            jdbc.sql("UPDATE budget_buckets SET state = :state, expires_at = :expiresAt WHERE id = :id")
                    .param("state", data).param("expiresAt", now + timeToLive).param("id", key).update();
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void release() {
        }
    }
}
