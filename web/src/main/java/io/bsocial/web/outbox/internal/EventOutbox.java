package io.bsocial.web.outbox.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.sql.SqlTime;

/**
 * Turns the events features publish ({@code ApplicationEventPublisher.publishEvent}) into outbox
 * rows. The listener runs synchronously in the publisher's transaction (and refuses to run without
 * one), so the row exists exactly when the fact does: a rolled-back write leaves no event. After the
 * commit the relay is woken to publish it at once. Features know nothing of the outbox.
 */
@Service
class EventOutbox {

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    EventOutbox(OutboxRepository outbox, OutboxRelay relay, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(BsocialEvent event) {
        outbox.insert(event, SqlTime.now(clock));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
