package io.bsocial.web.account;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bsocial.web.security.PasswordHashingBusyException;
import io.bsocial.web.support.ConflictException;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InvalidInputException;

/**
 * The registration page: shows every field error inline at once, then sends the new user to log in.
 * When no password-hashing slot is free it answers 503 with the form kept and a request to retry.
 */
@Controller
class RegistrationPageController {

    private final Registration registration;

    RegistrationPageController(Registration registration) {
        this.registration = registration;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationRequest.empty());
        model.addAttribute("errors", Map.of());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationRequest form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Account account = registration.register(form);
            redirect.addFlashAttribute("message", "Welcome, " + account.firstName() + "! Your account is ready: log in.");
            redirect.addFlashAttribute("login", account.username());
            return "redirect:/login";
        } catch (InvalidInputException invalid) {
            return again(form, invalid.errors(), model);
        } catch (ConflictException conflict) {
            return again(form, conflict.errors(), model);
        } catch (PasswordHashingBusyException busy) {
            response.setStatus(busy.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfterSeconds()));
            model.addAttribute("busy", true);
            return again(form, List.of(), model);
        }
    }

    private static String again(RegistrationRequest form, List<FieldProblem> errors, Model model) {
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", FieldProblem.byField(errors));
        return "account/register";
    }
}
