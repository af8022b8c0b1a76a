package io.bsocial.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The migration Job's mode (deploy/base/migrations.yaml): every migration of the notifier, the Java ones
 * too, is applied to an empty database, and nothing of the service starts.
 */
class MigrateOnlyTest {

    @Test
    void appliesEveryMigrationAndStartsNothingElse() throws IOException {
        String url = "jdbc:h2:mem:migrate-only-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String[] args = {MigrateOnly.ARGUMENT, "--spring.datasource.url=" + url};
        assertThat(MigrateOnly.requested(args)).isTrue();
        assertThat(MigrateOnly.requested(new String[] {"--server.port=0"})).isFalse();

        try (ConfigurableApplicationContext context = MigrateOnly.migrate(args)) {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            List<String> applied = jdbc.sql("SELECT version FROM flyway_history_notifier WHERE success AND version IS NOT NULL")
                    .query(String.class).list();
            assertThat(applied).contains(newestSqlMigration());
            assertThat(jdbc.sql("SELECT count(*) FROM notifications").query(Long.class).single()).isZero();

            assertThat(context).isNotInstanceOf(WebApplicationContext.class);
            assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
            assertThat(context.getBeanNamesForType(NotifierApplication.class)).isEmpty();
        }
    }

    /** The highest version among the notifier's SQL migrations, as Flyway writes it ("18.1" for V18_1__…). */
    static String newestSqlMigration() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/notifier/V*__*.sql");
        return Arrays.stream(files)
                .map(file -> MigrationVersion.fromVersion(file.getFilename().substring(1, file.getFilename().indexOf("__"))))
                .max(MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
    }
}
