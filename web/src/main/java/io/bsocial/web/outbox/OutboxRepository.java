package io.bsocial.web.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventJson;
import io.bsocial.web.support.SqlTime;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(BsocialEvent event, Instant now) {
        jdbc.sql("""
                INSERT INTO outbox_events (event_id, topic, message_key, payload, created_at)
                VALUES (:eventId, :topic, :key, :payload, :at)""")
                .param("eventId", event.eventId().toString())
                .param("topic", event.topic())
                .param("key", event.key())
                .param("payload", EventJson.write(event))
                .param("at", SqlTime.of(now))
                .update();
    }

    /**
     * Takes the relay lock for the current transaction; false when another relay holds it. The
     * lock is released when the transaction ends.
     */
    boolean lockRelay() {
        return !jdbc.sql("SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .query(Integer.class).list().isEmpty();
    }

    List<OutboxEntry> oldest(int limit) {
        return jdbc.sql("""
                SELECT id, topic, message_key, payload
                  FROM outbox_events ORDER BY id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new OutboxEntry(rs.getLong("id"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getString("payload")))
                .list();
    }

    /**
     * Removes exactly these published entries. Never a range of ids: ids are taken at insert but
     * transactions commit in another order, so an entry below the last published id may commit
     * after the batch was read, and a range would delete it unpublished.
     */
    void delete(List<Long> ids) {
        jdbc.sql("DELETE FROM outbox_events WHERE id IN (:ids)").param("ids", ids).update();
    }

    long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single();
    }

    Optional<Instant> oldestCreatedAt() {
        return jdbc.sql("SELECT created_at FROM outbox_events ORDER BY id LIMIT 1")
                .query((rs, row) -> SqlTime.instant(rs, "created_at")).optional();
    }
}
