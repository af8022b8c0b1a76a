package io.bsocial.web.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.support.Htmx;

/**
 * The settings page's password form, which htmx sends in place: a failure comes back as a problem
 * document shown next to its fields (the typed passwords stay in them and are never written into
 * a page); success gives back the emptied form, saying so.
 */
@Controller
class PasswordChangeController {

    private final PasswordChanges passwords;

    PasswordChangeController(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/settings/password")
    String change(@AuthenticationPrincipal SessionUser me, @ModelAttribute PasswordChangeRequest change,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        passwords.change(me, change, request);
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute("message", "Your password is changed.");
            return "redirect:/settings";
        }
        model.addAttribute("passwordChanged", true);
        return "settings/password :: settingsSection";
    }
}
