package io.bsocial.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns comment events into notifications and delivers them over HTTP and STOMP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotifierApplication {

    public static void main(String[] args) {
        if (MigrateOnly.requested(args)) {
            // A failed migration throws out of here: the process exits non-zero and the Job fails.
            System.exit(SpringApplication.exit(MigrateOnly.migrate(args)));
        }
        SpringApplication.run(NotifierApplication.class, args);
    }
}
