package io.bsocial.web.outbox;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.sql.SqlTime;

/**
 * Where features record their events. The event is stored in the caller's transaction, so it
 * exists exactly when the fact does; after the commit the relay is woken to publish it at once.
 */
@Service
public class EventOutbox {

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    EventOutbox(OutboxRepository outbox, OutboxRelay relay, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

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
