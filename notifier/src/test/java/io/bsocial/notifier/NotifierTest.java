package io.bsocial.notifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** The notifier on a random port, consuming from the test run's embedded Kafka broker. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("db")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "bsocial.notifier.allowed-origins=http://localhost:8080",
        "bsocial.notifier.session-check=500ms",
        // A refused message is tried three times, quickly, before it is dead-lettered.
        "bsocial.kafka.retry.attempts=3",
        "bsocial.kafka.retry.pause=100ms",
        // Every failed delivery with its message and trace in the test log, to read a failure from CI.
        "logging.level.io.bsocial.shared.events.ConsumerErrorHandlers=DEBUG"})
public @interface NotifierTest {
}
