package io.bsocial.notifier.events;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import io.bsocial.shared.events.ConsumerErrorHandlers;
import io.bsocial.shared.events.ConsumerFailure;

/**
 * The notifier's one answer to "whose fault is this failure?", for its error handler and for the
 * live consumer. The database away or overloaded is nobody's message's fault: retried for as long
 * as it takes. A message that cannot be read is {@link ConsumerFailure#INVALID}. Anything else — a
 * constraint violation ({@code DataIntegrityViolationException}: a username longer than its
 * column, a missing name), a bad value, an unknown failure — is {@link ConsumerFailure#DATA}: a few
 * tries, then the dead-letter topic, so that the partition goes on.
 */
public final class ConsumerFailures {

    /** Connection exceptions, insufficient resources, operator intervention, transaction rollback. */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "53", "57", "40");

    private ConsumerFailures() {
    }

    public static ConsumerFailure classify(Throwable exception) {
        Throwable failure = ConsumerErrorHandlers.unwrap(exception);
        if (isInfrastructure(failure)) {
            return ConsumerFailure.INFRASTRUCTURE;
        }
        if (ConsumerErrorHandlers.causedBy(failure, InvalidEventException.class)) {
            return ConsumerFailure.INVALID;
        }
        return ConsumerFailure.DATA;
    }

    private static boolean isInfrastructure(Throwable failure) {
        // A query the schema does not know is a deployment still migrating, not a bad message.
        return causedByAny(failure, TransientDataAccessException.class, RecoverableDataAccessException.class,
                DataAccessResourceFailureException.class, BadSqlGrammarException.class,
                CannotCreateTransactionException.class, TransactionSystemException.class,
                SQLTransientException.class, SQLRecoverableException.class, SQLNonTransientConnectionException.class,
                IOException.class)
                || transientSqlState(failure);
    }

    @SafeVarargs
    private static boolean causedByAny(Throwable failure, Class<? extends Throwable>... types) {
        for (Class<? extends Throwable> type : types) {
            if (ConsumerErrorHandlers.causedBy(failure, type)) {
                return true;
            }
        }
        return false;
    }

    /** An uncategorised SQL failure whose state says the connection or the server is at fault. */
    private static boolean transientSqlState(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
