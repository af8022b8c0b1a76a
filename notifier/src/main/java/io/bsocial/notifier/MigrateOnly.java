package io.bsocial.notifier;

import java.util.Arrays;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * {@code java -jar bsocial-notifier.jar --migrate-only}: applies the notifier's schema migrations (Flyway, with
 * the same {@code spring.flyway.*} and datasource settings as the service, Java migrations
 * included) and exits, starting nothing else: no web server, no Kafka, no workers. A Kubernetes Job
 * runs it before new pods start (deploy/base/migrations.yaml), so that replicas never race to
 * migrate at start-up.
 *
 * <p>Deliberately not a {@code @Configuration}: the service's component scan and
 * {@code @SpringBootTest}'s search for a configuration must never find it.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ComponentScan(basePackageClasses = NotifierApplication.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
class MigrateOnly {

    static final String ARGUMENT = "--migrate-only";

    static boolean requested(String[] args) {
        return Arrays.asList(args).contains(ARGUMENT);
    }

    /** Migrations run while the context starts; the caller closes it. */
    static ConfigurableApplicationContext migrate(String... args) {
        return new SpringApplicationBuilder(MigrateOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(args);
    }
}
