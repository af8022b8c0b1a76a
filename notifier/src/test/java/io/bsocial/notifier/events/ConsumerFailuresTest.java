package io.bsocial.notifier.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import io.bsocial.shared.events.ConsumerFailure;

/** Which failures stall a partition until the database is back, and which only cost a message its place. */
class ConsumerFailuresTest {

    @Test
    void theDatabaseAwayIsInfrastructureEvenWhenTheContainerWrappedIt() {
        assertThat(ConsumerFailures.classify(wrapped(new CannotGetJdbcConnectionException("pool exhausted",
                new SQLTransientConnectionException("timeout"))))).isEqualTo(ConsumerFailure.INFRASTRUCTURE);
        assertThat(ConsumerFailures.classify(new QueryTimeoutException("slow"))).isEqualTo(ConsumerFailure.INFRASTRUCTURE);
        assertThat(ConsumerFailures.classify(new CannotCreateTransactionException("no connection",
                new ConnectException("refused")))).isEqualTo(ConsumerFailure.INFRASTRUCTURE);
        assertThat(ConsumerFailures.classify(wrapped(new UncategorizedSQLException("update", "UPDATE …",
                new SQLException("I/O error", "08006"))))).isEqualTo(ConsumerFailure.INFRASTRUCTURE);
    }

    @Test
    void aConstraintViolationIsADataErrorEvenWhenWrapped() {
        assertThat(ConsumerFailures.classify(wrapped(new DataIntegrityViolationException("value too long",
                new SQLException("Value too long for column", "22001"))))).isEqualTo(ConsumerFailure.DATA);
        assertThat(ConsumerFailures.classify(wrapped(new IllegalArgumentException("bad value"))))
                .isEqualTo(ConsumerFailure.DATA);
    }

    @Test
    void anUnreadableMessageIsInvalid() {
        assertThat(ConsumerFailures.classify(wrapped(new InvalidEventException("not json"))))
                .isEqualTo(ConsumerFailure.INVALID);
    }

    private static ListenerExecutionFailedException wrapped(Throwable failure) {
        return new ListenerExecutionFailedException("Listener method threw", "bsocial-notifier", failure);
    }
}
