package io.bsocial.web.security;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.events.UserLoggedIn;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountRepository;
import io.bsocial.web.outbox.EventOutbox;
import io.bsocial.web.support.SqlTime;

/**
 * What happens around logging in and out besides the session itself: throttling, and the
 * {@code user-logged-in} / {@code user-logged-out} events (for form and API alike; failed
 * attempts are not events).
 */
@Component
class LoginEvents {

    private final LoginThrottle throttle;
    private final DeviceCookies devices;
    private final EventOutbox events;
    private final AccountRepository accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoginEvents(LoginThrottle throttle, DeviceCookies devices, EventOutbox events, AccountRepository accounts,
            TransactionTemplate transactions, Clock clock) {
        this.throttle = throttle;
        this.devices = devices;
        this.events = events;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    AuthenticationSuccessHandler formLoginSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            SessionUser user = (SessionUser) authentication.getPrincipal();
            succeeded(user, request, response);
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    AuthenticationFailureHandler formLoginFailure() {
        SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            failed(request, request.getParameter("login"));
            redirect.onAuthenticationFailure(request, response, exception);
        };
    }

    LogoutHandler logoutHandler() {
        return (request, response, authentication) -> loggedOut(authentication);
    }

    /** A login succeeded (form or API): the throttle forgets, the browser becomes a known device, an event. */
    void succeeded(SessionUser user, HttpServletRequest request, HttpServletResponse response) {
        throttle.succeeded(user.id(), devices.read(request));
        devices.issue(request, response, user.id());
        loggedIn(user);
    }

    void failed(HttpServletRequest request, String login) {
        throttle.failed(request.getRemoteAddr(), login, devices.read(request));
    }

    void loggedIn(SessionUser user) {
        transactions.executeWithoutResult(status ->
                events.record(UserLoggedIn.of(accounts.actor(user.id()), SqlTime.now(clock))));
    }

    void loggedOut(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SessionUser user) {
            transactions.executeWithoutResult(status ->
                    events.record(UserLoggedOut.of(accounts.actor(user.id()), SqlTime.now(clock))));
        }
    }
}
