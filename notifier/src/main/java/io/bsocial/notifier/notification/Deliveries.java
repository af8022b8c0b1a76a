package io.bsocial.notifier.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.notification.internal.NotificationRepository;
import io.bsocial.shared.sql.SqlTime;

/**
 * The one rule of delivery, for HTTP and the sockets alike: {@code delivered_via} says how a
 * notification was delivered ({@code http} or {@code push}, null until then), and every claim is a
 * conditional update of that column alone. HTTP takes only what is undelivered; a push takes what
 * is undelivered or pushed already (every instance pushes to the sockets it holds), never what
 * HTTP answered.
 */
@Component
public class Deliveries {

    /** How a notification reached its recipient: {@code delivered_via} holds the name, in lower case. */
    public enum Via {
        HTTP, PUSH
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final NotificationRepository notifications;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, JdbcTemplate batch, NotificationRepository notifications, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Every undelivered notification of the recipient, oldest first, now delivered {@code via} HTTP
     * or a push. The rows are locked first, in id order, so that concurrent calls wait for each
     * other instead of deadlocking; each is then claimed by the conditional update, so what a
     * concurrent call or a push took first is not taken again, and a row committed meanwhile is
     * left for the next call.
     */
    @Transactional
    public List<Notification> claimUndelivered(long recipientId, Via via) {
        List<Long> waiting = jdbc.sql("""
                SELECT id FROM notifications WHERE recipient_id = ? AND delivered_via IS NULL
                 ORDER BY id FOR UPDATE""")
                .param(recipientId).query(Long.class).list();
        Object now = SqlTime.of(clock.instant());
        int[] claimed = batch.batchUpdate(
                "UPDATE notifications SET delivered_via = ?, delivered_at = ? WHERE id = ? AND delivered_via IS NULL",
                waiting.stream().map(id -> new Object[] {via.name().toLowerCase(), now, id}).toList());
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < claimed.length; i++) {
            if (claimed[i] == 1) {
                mine.add(waiting.get(i));
            }
        }
        return notifications.byIds(mine);
    }

    /** A stored notification, for the sockets of its recipient: true when they may have it. */
    public boolean claimForPush(long notificationId) {
        return jdbc.sql("""
                UPDATE notifications SET delivered_via = 'push', delivered_at = COALESCE(delivered_at, :now)
                 WHERE id = :id AND (delivered_via IS NULL OR delivered_via = 'push')""")
                .param("now", SqlTime.of(clock.instant())).param("id", notificationId)
                .update() == 1;
    }
}
