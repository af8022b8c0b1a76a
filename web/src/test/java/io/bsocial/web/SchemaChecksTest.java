package io.bsocial.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No CHECK constraint of web's schema compares text: H2 2.4 binds such a check to the session that
 * created the table and fails every insert once that connection has left the pool (the notifier's
 * silences did, minutes after start-up). Kinds and states are checked by the code that writes them.
 */
@WebIntegrationTest
class SchemaChecksTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noCheckConstraintComparesText() {
        assertThat(jdbc.sql("""
                SELECT constraint_name FROM information_schema.check_constraints
                 WHERE constraint_schema = current_schema AND check_clause LIKE '%''%'""")
                .query(String.class).list()).isEmpty();
    }
}
