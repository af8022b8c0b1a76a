package io.bsocial.web.outbox.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.UserDeleted;

/**
 * A deleted account's events that were set aside (Kafka refused them for good, see
 * {@code OutboxRelay}) are forgotten with it, in the deletion's transaction: they name the account
 * (by id, most with its e-mail) and would otherwise outlive it. The ones still waiting in the
 * outbox are published within seconds (the consumers then erase them, see docs/events.md).
 */
@Component
class SetAsideErasure {

    private final JdbcClient jdbc;

    SetAsideErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserDeleted deleted) {
        // Every event names its actor as "userId":<id>, (JSON as EventJson writes it).
        jdbc.sql("DELETE FROM outbox_set_aside WHERE payload LIKE :actor")
                .param("actor", "%\"userId\":" + deleted.userId() + ",%")
                .update();
    }
}
