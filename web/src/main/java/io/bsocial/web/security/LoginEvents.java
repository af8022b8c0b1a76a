package io.bsocial.web.security;

import java.time.Clock;

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
    private final EventOutbox events;
    private final AccountRepository accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoginEvents(LoginThrottle throttle, EventOutbox events, AccountRepository accounts,
            TransactionTemplate transactions, Clock clock) {
        this.throttle = throttle;
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
            throttle.succeeded(user.id());
            loggedIn(user);
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    AuthenticationFailureHandler formLoginFailure() {
        SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            throttle.failed(request.getRemoteAddr(), request.getParameter("login"));
            redirect.onAuthenticationFailure(request, response, exception);
        };
    }

    LogoutHandler logoutHandler() {
        return (request, response, authentication) -> loggedOut(authentication);
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
