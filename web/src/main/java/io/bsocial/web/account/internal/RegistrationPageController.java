package io.bsocial.web.account.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.SessionStarter;
import io.bsocial.web.support.ApiProblem;
import io.bsocial.web.support.ConflictException;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * The registration page. A new account is logged in at once and lands on its (empty) feed.
 * Sent by htmx, an error is a problem document that the page shows next to each field, so the
 * typed passwords stay in their fields and are never sent back in a page; without scripts the
 * page is rendered again with every error inline and every value except the passwords.
 * When no password-hashing slot is free it answers 503 and asks to retry.
 */
@Controller
class RegistrationPageController {

    private static final List<String> FIELDS =
            List.of("firstName", "lastName", "username", "email", "password", "passwordConfirmation");

    private final Registration registration;
    private final SessionStarter sessionLogin;

    RegistrationPageController(Registration registration, SessionStarter sessionLogin) {
        this.registration = registration;
        this.sessionLogin = sessionLogin;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationRequest.empty());
        model.addAttribute("errors", Map.of());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationRequest form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Account account;
        try {
            account = registration.register(form, request.getRemoteAddr());
        } catch (InvalidInputException | ConflictException | PasswordHashingBusyException problem) {
            if (Htmx.isHtmx(request)) {
                throw problem;
            }
            return again(form, problem, model, response);
        }
        sessionLogin.logIn(new SessionUser(account.id(), account.username(), account.firstName(), account.lastName()),
                request, response);
        FlashMap welcome = RequestContextUtils.getOutputFlashMap(request);
        welcome.put("message", "Welcome to bSocial, " + account.firstName() + "!");
        if (Htmx.isHtmx(request)) {
            RequestContextUtils.saveOutputFlashMap("/", request, response);
            response.setHeader("HX-Redirect", request.getContextPath() + "/");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "redirect:/";
    }

    private static String again(RegistrationRequest form, ApiProblem problem, Model model, HttpServletResponse response) {
        List<FieldProblem> errors = problem.errors();
        if (problem instanceof PasswordHashingBusyException busy) {
            response.setStatus(busy.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfterSeconds()));
            model.addAttribute("busy", true);
        }
        Map<String, String> byField = FieldProblem.byField(errors);
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", byField);
        // Focus goes to the first invalid field in the order the form shows them.
        model.addAttribute("firstError", FIELDS.stream().filter(byField::containsKey).findFirst().orElse(null));
        return "account/register";
    }
}
