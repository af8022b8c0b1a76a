package io.bsocial.notifier.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.zaxxer.hikari.HikariDataSource;

import io.bsocial.notifier.silence.Silences.Kind;
import io.bsocial.notifier.support.Events;

/**
 * The notifier's schema keeps working after the connection that migrated it is gone: H2 2.4 keeps
 * a CHECK comparing strings bound to the session that created the table, and fails every insert
 * once that session is closed (the pool retires it after its idle time, minutes after start-up).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(Silences.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class SilencesSchemaTest {

    @Autowired
    Silences silences;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noCheckConstraintComparesText() {
        assertThat(jdbc.sql("""
                SELECT constraint_name FROM information_schema.check_constraints
                 WHERE constraint_schema = current_schema AND check_clause LIKE '%''%'""")
                .query(String.class).list()).isEmpty();
    }

    @Test
    void blocksAndMutesAreKeptAfterEveryPooledConnectionWasReplaced() throws Exception {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        long ada = Events.nextId();
        long bob = Events.nextId();
        Instant now = Instant.now();

        assertThat(silences.remember(ada, bob, Kind.BLOCK, true, now)).isTrue();
        assertThat(silences.remember(ada, bob, Kind.MUTE, true, now)).isTrue();
        assertThat(silences.eitherBlocks(bob, ada)).isTrue();
    }
}
