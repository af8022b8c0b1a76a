package io.bsocial.web.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginPageController {

    /** {@code next}: the same-site page to go back to after logging in (kept through a failed attempt). */
    @GetMapping("/login")
    String login(Authentication authentication, HttpServletRequest request, Model model) {
        boolean loggedIn = authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
        if (loggedIn) {
            return "redirect:/";
        }
        model.addAttribute("next", ReturnTarget.of(request.getParameter(ReturnTarget.PARAMETER)));
        return "account/login";
    }

    /** Reached by forward from {@link LoginEvents#formLoginFailure()}: the login page, answered 429. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object seconds = request.getAttribute(LoginEvents.RETRY_AFTER_ATTRIBUTE);
        if (seconds == null) {
            return "redirect:/login";
        }
        response.setStatus(429);
        long minutes = Math.max(1, ((Long) seconds + 59) / 60);
        model.addAttribute("waitMinutes", minutes);
        model.addAttribute("login", request.getParameter("login"));
        model.addAttribute("next", ReturnTarget.of(request.getParameter(ReturnTarget.PARAMETER)));
        return "account/login";
    }

    /** Reached by forward from {@link LoginEvents#formLoginFailure()} when no hashing slot was free: 503. */
    @RequestMapping("/login/busy")
    String busy(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getAttribute(LoginEvents.RETRY_AFTER_ATTRIBUTE) == null) {
            return "redirect:/login";
        }
        response.setStatus(503);
        model.addAttribute("busy", true);
        model.addAttribute("login", request.getParameter("login"));
        model.addAttribute("next", ReturnTarget.of(request.getParameter(ReturnTarget.PARAMETER)));
        return "account/login";
    }
}
