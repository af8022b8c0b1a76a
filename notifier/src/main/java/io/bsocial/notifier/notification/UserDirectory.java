package io.bsocial.notifier.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserRegistered;

/**
 * Keeps the names of users from {@code user-registered} events, so that notifications can show
 * who commented without reading web's tables. Replaying an event writes the same row again.
 */
@Component
class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = EventTopics.USER_REGISTERED)
    void on(String message) {
        UserRegistered user = ValidEvents.read(message, UserRegistered.class);
        int updated = jdbc.sql("UPDATE notifier_users SET username = :username, first_name = :first, last_name = :last WHERE id = :id")
                .param("id", user.userId()).param("username", user.username())
                .param("first", user.firstName()).param("last", user.lastName())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO notifier_users (id, username, first_name, last_name)
                    VALUES (:id, :username, :first, :last) ON CONFLICT DO NOTHING""")
                    .param("id", user.userId()).param("username", user.username())
                    .param("first", user.firstName()).param("last", user.lastName())
                    .update();
        }
    }
}
