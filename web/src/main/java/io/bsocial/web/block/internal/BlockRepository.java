package io.bsocial.web.block.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;

/** The blocks and mutes tables: each write tells whether the relation really changed. */
@Repository
public class BlockRepository {

    private final JdbcClient jdbc;

    BlockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean block(long blockerId, long blockedId, Instant at) {
        return jdbc.sql("""
                INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (:who, :whom, :at)
                ON CONFLICT DO NOTHING""")
                .param("who", blockerId).param("whom", blockedId).param("at", SqlTime.of(at)).update() == 1;
    }

    public boolean unblock(long blockerId, long blockedId) {
        return jdbc.sql("DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?").param(blockerId).param(blockedId)
                .update() == 1;
    }

    public boolean mute(long muterId, long mutedId, Instant at) {
        return jdbc.sql("""
                INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (:who, :whom, :at)
                ON CONFLICT DO NOTHING""")
                .param("who", muterId).param("whom", mutedId).param("at", SqlTime.of(at)).update() == 1;
    }

    public boolean unmute(long muterId, long mutedId) {
        return jdbc.sql("DELETE FROM mutes WHERE muter_id = ? AND muted_id = ?").param(muterId).param(mutedId)
                .update() == 1;
    }
}
