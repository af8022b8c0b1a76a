package io.bsocial.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The bSocial web application: pages, the JSON API, and the owner of users, posts, comments and follows. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        if (MigrateOnly.requested(args)) {
            // A failed migration throws out of here: the process exits non-zero and the Job fails.
            System.exit(SpringApplication.exit(MigrateOnly.migrate(args)));
        }
        SpringApplication.run(WebApplication.class, args);
    }
}
