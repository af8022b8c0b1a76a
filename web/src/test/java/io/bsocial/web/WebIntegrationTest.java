package io.bsocial.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A {@link WebAppTest} of database behaviour: tagged {@code db}, so that the PostgreSQL pass
 * ({@code mvn verify -Ppostgres}) runs it again on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebAppTest
@Tag("db")
public @interface WebIntegrationTest {
}
