package io.bsocial.notifier.notification.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.Deliveries;
import io.bsocial.notifier.notification.Deliveries.Via;
import io.bsocial.shared.security.SessionUser;

@RestController
class NotificationApiController {

    private static final int RECENT = 10;
    private static final int MAX_READ = 100;
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final NotificationRepository notifications;
    private final Deliveries deliveries;
    private final Clock clock;

    NotificationApiController(NotificationRepository notifications, Deliveries deliveries, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Every notification of the caller not yet delivered, oldest first; they count as delivered now. */
    @GetMapping("/api/notifications")
    Items undelivered(@AuthenticationPrincipal SessionUser me) {
        return new Items(deliveries.claimUndelivered(me.id(), Via.HTTP));
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

    /**
     * The notifications page: every notification of the caller, newest first, keyset-paged on the
     * id, each with whether it was read. Listing is not delivery: what {@code GET /api/notifications}
     * has not answered yet, it still will.
     */
    @GetMapping("/api/notifications/all")
    ResponseEntity<Page> all(@AuthenticationPrincipal SessionUser me, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        int size = limit(limit);
        List<ListedNotification> fetched = notifications.page(me.id(), PageCursor.decode(cursor), size + 1);
        List<ListedNotification> shown = fetched.subList(0, Math.min(size, fetched.size()));
        String next = fetched.size() > size ? PageCursor.encode(shown.get(shown.size() - 1).notification().id()) : null;
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", next).build().toUriString() + ">; rel=\"next\"");
        }
        return response.body(new Page(List.copyOf(shown), next, notifications.unread(me.id())));
    }

    /**
     * "Mark all as read": what is unread at this moment becomes read; one that commits afterwards
     * stays unread. Answers what stays unread.
     */
    @PostMapping("/api/notifications/read-all")
    Unread readAll(@AuthenticationPrincipal SessionUser me) {
        notifications.markAllRead(me.id(), clock.instant());
        return new Unread(notifications.unread(me.id()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", invalid.parameter(), "message", invalid.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like any value out of range
        }
        throw new InvalidRequestException("limit", "limit must be a whole number from 1 to " + MAX_PAGE + ".");
    }

    record Page(List<ListedNotification> items, String nextCursor, long unread) {
    }

    record Items(List<Notification> items) {
    }

    record Unread(long unread) {
    }

    record Recent(long unread, List<Notification> items) {
    }
}
