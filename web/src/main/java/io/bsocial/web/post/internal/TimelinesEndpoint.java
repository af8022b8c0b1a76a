package io.bsocial.web.post.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's view of home timelines and their one command ({@code ./bsocial timelines [rebuild]}).
 * {@code GET /actuator/timelines}: sizes and what waits. {@code POST /actuator/timelines/rebuild}:
 * recomputes every timeline from posts and follows (after a restore, or a changed
 * {@code bsocial.timelines.*}), answering when it is done. Meanwhile every feed stays right: a
 * timeline not built yet is read with the query of before. Operators only, like the outbox's.
 */
@Component
@Endpoint(id = "timelines")
class TimelinesEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TimelinesEndpoint.class);

    private final HomeTimelines timelines;
    private final TimelineFanOut fanOut;
    private final TransactionTemplate transactions;
    private final TimelineProperties properties;

    TimelinesEndpoint(HomeTimelines timelines, TimelineFanOut fanOut, TransactionTemplate transactions,
            TimelineProperties properties) {
        this.timelines = timelines;
        this.fanOut = fanOut;
        this.transactions = transactions;
        this.properties = properties;
    }

    @ReadOperation
    public TimelinesView timelines() {
        return new TimelinesView(timelines.heads(), timelines.unbuiltCount(), timelines.entries(),
                timelines.pendingCount(), timelines.popularAuthors(), properties.size(), properties.popularFollowers());
    }

    @WriteOperation
    public Rebuilt rebuild(@Selector String command) {
        if (!"rebuild".equals(command)) {
            throw new InvalidEndpointRequestException("expected 'rebuild'", "expected 'rebuild'");
        }
        long started = System.nanoTime();
        Integer users = transactions.execute(status -> timelines.unbuildAll());
        while (fanOut.buildUnbuilt() > 0) {
            // batch after batch, each its own transaction
        }
        timelines.refreshStatistics();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("operator rebuilt {} home timelines in {} ms", users, millis);
        return new Rebuilt(users == null ? 0 : users, timelines.entries(), millis);
    }

    /** {@code unbuilt}: users whose feed is read without a timeline until it is built. */
    public record TimelinesView(long users, long unbuilt, long entries, long pending, long popularAuthors,
            int size, int popularFollowers) {
    }

    public record Rebuilt(long users, long entries, long millis) {
    }
}
