package io.bsocial.web.outbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.sql.SqlTime;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(BsocialEvent event, Instant now) {
        EventRouting.Route route = EventRouting.of(event);
        jdbc.sql("""
                INSERT INTO outbox_events (event_id, topic, message_key, payload, created_at)
                VALUES (:eventId, :topic, :key, :payload, :at)""")
                .param("eventId", event.eventId().toString())
                .param("topic", route.topic())
                .param("key", route.key())
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
                SELECT id, event_id, topic, message_key, payload
                  FROM outbox_events ORDER BY id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new OutboxEntry(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
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

    /** Counts one more refusal of this entry by Kafka; answers how many there were. */
    int refused(long id, String reason) {
        jdbc.sql("UPDATE outbox_events SET attempts = attempts + 1, last_error = :reason WHERE id = :id")
                .param("reason", reason).param("id", id).update();
        return jdbc.sql("SELECT attempts FROM outbox_events WHERE id = ?").param(id).query(Integer.class).single();
    }

    /** Moves the entry out of the relay's way, keeping everything about it. */
    void setAside(long id, Instant now) {
        jdbc.sql("""
                INSERT INTO outbox_set_aside (id, event_id, topic, message_key, payload, created_at, attempts,
                                              last_error, set_aside_at)
                SELECT id, event_id, topic, message_key, payload, created_at, attempts, COALESCE(last_error, ''), :now
                  FROM outbox_events WHERE id = :id""")
                .param("now", SqlTime.of(now)).param("id", id).update();
        jdbc.sql("DELETE FROM outbox_events WHERE id = ?").param(id).update();
    }

    /**
     * Puts a set-aside entry back into the outbox under its own id, with a fresh count of tries: its
     * id is below every entry written after it, so the relay takes it before those. False when
     * there is no such entry.
     */
    boolean requeue(long id) {
        int moved = jdbc.sql("""
                INSERT INTO outbox_events (id, event_id, topic, message_key, payload, created_at)
                SELECT id, event_id, topic, message_key, payload, created_at FROM outbox_set_aside WHERE id = ?""")
                .param(id).update();
        jdbc.sql("DELETE FROM outbox_set_aside WHERE id = ?").param(id).update();
        return moved == 1;
    }

    List<Long> setAsideIds() {
        return jdbc.sql("SELECT id FROM outbox_set_aside ORDER BY id").query(Long.class).list();
    }

    List<SetAsideEntry> setAside(int limit) {
        return jdbc.sql("""
                SELECT id, event_id, topic, message_key, created_at, attempts, last_error, set_aside_at
                  FROM outbox_set_aside ORDER BY id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new SetAsideEntry(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("topic"), rs.getString("message_key"), SqlTime.instant(rs, "created_at"),
                        rs.getInt("attempts"), rs.getString("last_error"), SqlTime.instant(rs, "set_aside_at")))
                .list();
    }

    /** Entries set aside: a table of the few entries Kafka refused, cheap to count. */
    long setAsideCount() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_set_aside").query(Long.class).single();
    }

    /**
     * Every entry waiting to be published. A scan of the whole outbox: for an operator who asks,
     * never for health probes or gauges, which read {@link #oldestUnpublishedAt()}.
     */
    long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single();
    }

    /**
     * When the oldest entry not yet on Kafka was written, waiting or set aside: one row read by
     * primary key from each table, whatever the backlog.
     */
    Optional<Instant> oldestUnpublishedAt() {
        Optional<Instant> pending = oldestCreatedAt("SELECT created_at FROM outbox_events ORDER BY id LIMIT 1");
        Optional<Instant> setAside = oldestCreatedAt("SELECT created_at FROM outbox_set_aside ORDER BY id LIMIT 1");
        if (pending.isEmpty()) {
            return setAside;
        }
        return setAside.filter(aside -> aside.isBefore(pending.get())).or(() -> pending);
    }

    private Optional<Instant> oldestCreatedAt(String query) {
        return jdbc.sql(query)
                .query((rs, row) -> SqlTime.instant(rs, "created_at")).optional();
    }
}
