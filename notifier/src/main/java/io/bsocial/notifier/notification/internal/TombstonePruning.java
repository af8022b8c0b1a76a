package io.bsocial.notifier.notification.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tombstones of deleted comments and posts ({@code retractions}) stop a creation event that comes
 * after its deletion; no such event can come once Kafka has dropped it. So a tombstone older than
 * {@code bsocial.notifier.tombstones.retention} (default 8 days, a day more than the retention
 * bSocial's topics are given) is deleted, a bounded batch at a time, every instance alike (a
 * delete that finds nothing costs nothing).
 */
@Component
@EnableConfigurationProperties(TombstonePruning.TombstoneProperties.class)
class TombstonePruning {

    private static final Logger log = LoggerFactory.getLogger(TombstonePruning.class);
    private static final int BATCH = 1_000;

    private final NotificationRepository notifications;
    private final Duration retention;
    private final Clock clock;

    TombstonePruning(NotificationRepository notifications, TombstoneProperties properties, Clock clock) {
        this.notifications = notifications;
        this.retention = properties.retention();
        this.clock = clock;
    }

    /** {@code retention}: how long a tombstone is kept; {@code pruning}: how often old ones are looked for. */
    @ConfigurationProperties("bsocial.notifier.tombstones")
    record TombstoneProperties(@DefaultValue("8d") Duration retention, @DefaultValue("1h") Duration pruning) {
    }

    @Scheduled(fixedDelayString = "${bsocial.notifier.tombstones.pruning:1h}", initialDelayString = "1m")
    void prune() {
        int pruned;
        int total = 0;
        do {
            pruned = notifications.pruneTombstones(clock.instant().minus(retention), BATCH);
            total += pruned;
        } while (pruned == BATCH);
        if (total > 0) {
            log.info("pruned {} tombstones older than {}", total, retention);
        }
    }
}
