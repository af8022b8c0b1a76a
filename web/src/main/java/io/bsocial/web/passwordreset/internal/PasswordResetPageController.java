package io.bsocial.web.passwordreset.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.bsocial.web.budget.BudgetExceededException;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * The "Forgot password?" pages, plain forms that work without scripts: ask for a link (always
 * followed by the same "we sent a link if…" page), then choose a new password on the link's page;
 * success lands on the login page, saying so. Errors come back on the same page, inline; the typed
 * passwords are never written into a page.
 */
@Controller
class PasswordResetPageController {

    private final PasswordResets resets;

    PasswordResetPageController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-reset")
    String form(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "account/password-reset";
    }

    @PostMapping("/password-reset")
    String request(@ModelAttribute ResetRequest form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            resets.request(form, request.getRemoteAddr());
        } catch (InvalidInputException invalid) {
            response.setStatus(400);
            model.addAttribute("email", form.email());
            model.addAttribute("errors", FieldProblem.byField(invalid.errors()));
            return "account/password-reset";
        } catch (BudgetExceededException tooMany) {
            response.setStatus(429);
            tooMany.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            model.addAttribute("email", form.email());
            model.addAttribute("errors", Map.of());
            model.addAttribute("refused", tooMany.getBody().getDetail());
            return "account/password-reset";
        }
        return "redirect:/password-reset/sent";
    }

    @GetMapping("/password-reset/sent")
    String sent() {
        return "account/password-reset-sent";
    }

    @GetMapping("/password-reset/{token}")
    String newPasswordForm(@PathVariable String token, HttpServletResponse response, Model model) {
        if (!resets.usable(token)) {
            return unusable(response);
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "account/password-reset-new";
    }

    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @ModelAttribute NewPasswordRequest form, HttpServletResponse response,
            Model model) {
        try {
            resets.reset(token, form);
        } catch (NotFoundException gone) {
            return unusable(response);
        } catch (InvalidInputException | PasswordHashingBusyException problem) {
            response.setStatus(problem.getStatusCode().value());
            if (problem instanceof PasswordHashingBusyException busy) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfterSeconds()));
                model.addAttribute("busy", true);
            }
            model.addAttribute("token", token);
            model.addAttribute("errors", FieldProblem.byField(problem.errors()));
            return "account/password-reset-new";
        }
        return "redirect:/login?reset";
    }

    private static String unusable(HttpServletResponse response) {
        response.setStatus(404);
        return "account/password-reset-unusable";
    }
}
