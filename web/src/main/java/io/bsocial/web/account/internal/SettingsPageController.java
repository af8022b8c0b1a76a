package io.bsocial.web.account.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.ProfileUpdate;
import io.bsocial.web.account.SignedInSessions;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.NotFoundException;

/**
 * The settings page ({@code settings/settings.html}, one fragment file per section) and its profile
 * form. The form is sent by htmx: a failure is a problem document shown next to its fields (what
 * was typed stays), success gives back the section with the saved values and renames the top bar.
 * The password form is the security module's ({@code /settings/password}); the export button is a
 * plain link to {@code /api/me/export}.
 */
@Controller
class SettingsPageController {

    private final Accounts accounts;
    private final SignedInSessions sessions;

    SettingsPageController(Accounts accounts, SignedInSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal SessionUser me, Model model) {
        model.addAttribute("account", account(me));
        return "settings/settings";
    }

    @PostMapping("/settings/profile")
    String saveProfile(@AuthenticationPrincipal SessionUser me, @ModelAttribute ProfileUpdate update,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AccountView account = accounts.updateProfile(me.id(), update);
        sessions.renamed(new SessionUser(account.id(), account.username(), account.firstName(), account.lastName()));
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute("message", "Your profile is saved.");
            return "redirect:/settings";
        }
        model.addAttribute("account", account);
        model.addAttribute("profileSaved", true);
        return "settings/profile :: saved";
    }

    private AccountView account(SessionUser me) {
        return accounts.account(me.id()).orElseThrow(() -> new NotFoundException("Your account no longer exists."));
    }
}
