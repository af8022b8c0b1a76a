package io.bsocial.shared.security;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Writes a new session attribute as an upsert. Spring Session inserts an attribute that the
 * request did not find in the session; two requests of one session that add the same attribute at
 * once (page loads that each make the session's first CSRF token, two flash messages) both insert
 * it, and the second insert failed on the primary key: a {@code DuplicateKeyException}, a 500. As an
 * upsert the later write wins, as it does for an attribute that already existed.
 *
 * <p>PostgreSQL gets Spring Session's own {@code INSERT … ON CONFLICT … DO UPDATE}. H2 has no
 * {@code DO UPDATE}, and its standard {@code MERGE … USING} still fails on a concurrent insert; its
 * own {@code MERGE … KEY} waits for the other insert and then updates. Runs after Boot's customizer,
 * whose table name would reset the queries.
 */
final class SessionAttributeUpserts implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    private final DataSource dataSource;

    SessionAttributeUpserts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        String database = database();
        switch (database) {
            case "PostgreSQL" -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
            case "H2" -> sessions.setCreateSessionAttributeQuery(H2_UPSERT);
            default -> throw new IllegalStateException(
                    "Sessions are stored on H2 or PostgreSQL; there is no attribute upsert for " + database);
        }
    }

    private String database() {
        try {
            return JdbcUtils.commonDatabaseName(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the sessions", e);
        }
    }
}
