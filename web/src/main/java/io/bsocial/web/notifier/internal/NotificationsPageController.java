package io.bsocial.web.notifier.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The notifications page. Its list is the notifier's ({@code GET /api/notifications/all}), which the
 * page's script calls with the session cookie, as the bell does: web stores no notifications and
 * never calls the notifier on a person's behalf.
 */
@Controller
class NotificationsPageController {

    @GetMapping("/notifications")
    String notifications() {
        return "notification/notifications";
    }
}
