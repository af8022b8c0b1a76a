package io.bsocial.web.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.web.support.OperatorCommands;

/**
 * The operator's view of the outbox and its one command ({@code ./bsocial outbox [retry ID|all]}).
 * {@code GET /actuator/outbox}: what waits, and every set-aside entry with why (never a payload).
 * {@code POST /actuator/outbox/{id|all}}: puts set-aside entries back in the outbox, where the
 * relay publishes them next (one retry at a time, 409 meanwhile) — after the cause was fixed (a larger {@code max.request.size}), or
 * to see that Kafka still refuses them (they are set aside again after the same tries). Answered
 * to callers on this machine only, never to a browser (web's {@code SecurityConfig}).
 */
@Component
@Endpoint(id = "outbox")
class OutboxEndpoint {

    private static final Logger log = LoggerFactory.getLogger(OutboxEndpoint.class);
    private static final int LISTED = 100;

    static final String RETRY = "outbox-retry";

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OperatorCommands commands;

    OutboxEndpoint(OutboxRepository outbox, OutboxRelay relay, TransactionTemplate transactions, Clock clock,
            OperatorCommands commands) {
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
        this.commands = commands;
    }

    @ReadOperation
    public OutboxView outbox() {
        Long oldestAgeSeconds = outbox.oldestUnpublishedAt()
                .map(oldest -> Duration.between(oldest, clock.instant()).toSeconds()).orElse(null);
        return new OutboxView(outbox.backlog(), oldestAgeSeconds, outbox.setAsideCount(), outbox.setAside(LISTED));
    }

    /**
     * 409 while another retry runs (on any instance, {@link OperatorCommands}): two at once would
     * each walk the same entries, and the second operator's answer would list less than they asked
     * for without saying why.
     */
    @WriteOperation
    public WebEndpointResponse<Object> retry(@Selector String target) {
        boolean all = "all".equals(target);
        List<Long> named = all ? List.of() : List.of(id(target)); // a bad id is a 400 before anything runs
        return commands.runAlone(RETRY, running -> requeue(all ? outbox.setAsideIds() : named))
                .map(OperatorCommands::ok)
                .orElseGet(() -> OperatorCommands.alreadyRunning(
                        "A retry of set-aside outbox entries is running already; try again once it is done."));
    }

    private Requeued requeue(List<Long> ids) {
        List<Long> requeued = new ArrayList<>();
        for (long id : ids) {
            // One transaction per entry, without the relay lock (a relay may hold it for a whole
            // send timeout while Kafka is away): an entry the relay is setting aside right now is
            // not visible yet and is simply not moved; one another operator moved first is skipped.
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> outbox.requeue(id)))) {
                    requeued.add(id);
                }
            } catch (DuplicateKeyException movedConcurrently) {
                log.debug("set-aside outbox entry {} was re-queued by someone else", id);
            }
        }
        if (!requeued.isEmpty()) {
            relay.wakeUp();
        }
        log.info("operator re-queued set-aside outbox entries {}", requeued);
        return new Requeued(requeued);
    }

    private static long id(String target) {
        try {
            long id = Long.parseLong(target);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidEndpointRequestException("expected an entry id or 'all'", "expected an entry id or 'all'");
    }

    /** {@code pending}: entries waiting (a count of the outbox, computed only when asked). */
    public record OutboxView(long pending, Long oldestAgeSeconds, long setAsideCount, List<SetAsideEntry> setAside) {
    }

    public record Requeued(List<Long> requeued) {
    }
}
