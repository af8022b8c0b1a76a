package io.bsocial.web.notifier.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.bsocial.web.notifier.NotifierLocation;

/** Pages tell notifications.js where the notifier is (meta tags of the layout). */
@ControllerAdvice(annotations = Controller.class)
class NotifierAdvice {

    private final NotifierLocation location;

    NotifierAdvice(NotifierLocation location) {
        this.location = location;
    }

    @ModelAttribute("notifierUrl")
    String notifierUrl(HttpServletRequest request) {
        return location.httpUrl(request);
    }

    @ModelAttribute("notifierSocketUrl")
    String notifierSocketUrl(HttpServletRequest request) {
        return location.webSocketUrl(request);
    }

    @ModelAttribute("notifierPollMillis")
    long notifierPollMillis() {
        return location.pollMillis();
    }
}
