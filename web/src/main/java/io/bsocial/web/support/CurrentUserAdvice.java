package io.bsocial.web.support;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.bsocial.shared.security.SessionUser;

/** Every page knows who is looking at it, as {@code me} (null on the login and registration pages). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    SessionUser me(@AuthenticationPrincipal SessionUser me) {
        return me;
    }
}
