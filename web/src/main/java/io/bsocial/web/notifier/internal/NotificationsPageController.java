package io.bsocial.web.notifier.internal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The notifications page. Its list is the notifier's ({@code GET /api/notifications/all}): web stores
 * no notifications. The first page is drawn into the HTML when the notifier answers web in time
 * ({@link FirstNotifications}); otherwise, and for "Load older", the page's script asks the notifier
 * with the session cookie, as the bell does.
 */
@Controller
class NotificationsPageController {

    private final FirstNotifications first;

    NotificationsPageController(FirstNotifications first) {
        this.first = first;
    }

    @GetMapping("/notifications")
    String notifications(HttpSession session, Model model) {
        // One page size for web's first page, the page's preload and its script's pages.
        model.addAttribute("pageSize", FirstNotifications.PAGE_SIZE);
        first.firstPage(session.getId()).ifPresent(page -> model.addAttribute("firstPage", page));
        return "notification/notifications";
    }
}
