package io.bsocial.web.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of the test class's own, for a test whose assertions hold only if no other
 * application context writes to the same rows: every cached context of the run shares the test
 * database, and its background workers (the outbox relay, the timeline fan-out) keep working on
 * whatever appears there. On H2, an in-memory database named after the class; on PostgreSQL (the
 * {@code -Ppostgres} pass), a schema of its own beside the run's, which Flyway creates.
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    /** Points the context's data source at a database called {@code name} (lower case, no spaces). */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            String schema = System.getProperty("spring.flyway.schemas") + "_" + name;
            registry.add("spring.datasource.url", () -> url.replaceFirst("currentSchema=[^&]*", "currentSchema=" + schema));
            registry.add("spring.flyway.schemas", () -> schema);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }
}
