package io.bsocial.web.support;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.bsocial.shared.security.SessionUser;

/**
 * Every page knows who is looking at it, as {@code me} (null on the login and registration pages),
 * and where it is, as {@code currentPath}: the navbar marks the current page with it.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    SessionUser me(@AuthenticationPrincipal SessionUser me) {
        return me;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
