package io.bsocial.notifier.directory;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserRegistered;

/**
 * Keeps the names of users from {@code user-registered} events (the notifier's consumer group), so
 * that notifications and the live feed can show who acted. Replaying an event writes the same row
 * again.
 */
@Component
public class UserDirectory {

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
            // A deleted account's late (or redelivered) registration is not kept (its tombstone, see AccountErasure).
            jdbc.sql("""
                    INSERT INTO notifier_users (id, username, first_name, last_name)
                    SELECT :id, :username, :first, :last
                     WHERE NOT EXISTS (SELECT 1 FROM retractions gone WHERE gone.kind = 'user' AND gone.item_id = :id)
                    ON CONFLICT DO NOTHING""")
                    .param("id", user.userId()).param("username", user.username())
                    .param("first", user.firstName()).param("last", user.lastName())
                    .update();
        }
    }

    /**
     * The user as the directory knows them. One whose {@code user-registered} has not arrived yet
     * is known by the username the caller has, without a name.
     */
    public Actor actor(long id, String username) {
        return jdbc.sql("SELECT username, first_name, last_name FROM notifier_users WHERE id = ?")
                .param(id)
                .query((rs, row) -> named(id, rs.getString("username"), rs))
                .optional()
                .orElseGet(() -> new Actor(id, username, null, null));
    }

    /**
     * An actor with the names of the row's {@code first_name} and {@code last_name}, columns of
     * {@code notifier_users} (null when a LEFT JOIN found no row).
     */
    public static Actor named(long id, String username, ResultSet rs) throws SQLException {
        return new Actor(id, username, rs.getString("first_name"), rs.getString("last_name"));
    }
}
