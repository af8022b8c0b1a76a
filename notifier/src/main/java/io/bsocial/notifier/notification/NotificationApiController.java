package io.bsocial.notifier.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.bsocial.notifier.notification.NotificationRepository.Delivery;
import io.bsocial.shared.security.SessionUser;

@RestController
class NotificationApiController {

    private static final int RECENT = 10;
    private static final int MAX_READ = 100;

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationApiController(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Every notification of the caller not yet delivered, oldest first; they count as delivered now. */
    @GetMapping("/api/notifications")
    Items undelivered(@AuthenticationPrincipal SessionUser me) {
        return new Items(notifications.claimUndelivered(me.id(), Delivery.HTTP, clock.instant()));
    }

    /** For the bell: the latest notifications, delivered or not, and how many are unread. */
    @GetMapping("/api/notifications/recent")
    Recent recent(@AuthenticationPrincipal SessionUser me) {
        return new Recent(notifications.unread(me.id()), notifications.recent(me.id(), RECENT));
    }

    /** The bell was opened: the notifications it showed ({@code ids}) are read; answers what stays unread. */
    @PostMapping("/api/notifications/read")
    ResponseEntity<Unread> read(@AuthenticationPrincipal SessionUser me, @RequestParam List<Long> ids) {
        if (ids.isEmpty() || ids.size() > MAX_READ) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        notifications.markRead(me.id(), ids, clock.instant());
        return ResponseEntity.ok(new Unread(notifications.unread(me.id())));
    }

    record Items(List<Notification> items) {
    }

    record Unread(long unread) {
    }

    record Recent(long unread, List<Notification> items) {
    }
}
