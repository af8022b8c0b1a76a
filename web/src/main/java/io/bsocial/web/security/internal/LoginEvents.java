package io.bsocial.web.security.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.bsocial.shared.events.UserLoggedIn;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;

/**
 * What happens around logging in and out besides the session itself: the device cookie, the
 * pages of a failed form login, and the {@code user-logged-in} / {@code user-logged-out} events
 * (for form and API alike; failed attempts are not events). Failures are counted by the
 * {@link LoginThrottle}, which the authentication provider consults for every attempt.
 */
@Component
class LoginEvents {

    private final DeviceCookies devices;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final FlashMapManager flashMaps = new SessionFlashMapManager();

    LoginEvents(DeviceCookies devices, ApplicationEventPublisher events, Accounts accounts,
            TransactionTemplate transactions, Clock clock) {
        this.devices = devices;
        this.events = events;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Back to the page the person came from: {@code next} (a same-site path), the saved request, or the feed. */
    AuthenticationSuccessHandler formLoginSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        return (request, response, authentication) -> {
            SessionUser user = (SessionUser) authentication.getPrincipal();
            succeeded(user, request, response);
            String next = ReturnTarget.of(request.getParameter(ReturnTarget.PARAMETER));
            if (next != null) {
                requestCache.removeRequest(request, response);
                redirect.sendRedirect(request, response, next);
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * Back to the login page, which says the login failed and keeps what was typed in the login
     * field (a flash attribute: never in the address, where an e-mail address would be logged)
     * and where to go afterwards. A throttled attempt gets the page at once, answered 429 with how
     * long to wait; one that found every hashing slot busy, 503 and "try again in a moment".
     */
    AuthenticationFailureHandler formLoginFailure() {
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                answer(request, response, 429, throttled.retryAfterSeconds(), "/login/throttled");
                return;
            }
            if (exception instanceof LoginBusyException busy) {
                answer(request, response, 503, busy.retryAfterSeconds(), "/login/busy");
                return;
            }
            String login = request.getParameter("login");
            FlashMap flash = new FlashMap();
            flash.put("login", login);
            flash.setTargetRequestPath(request.getContextPath() + "/login");
            flashMaps.saveOutputFlashMap(flash, request, response);
            String next = ReturnTarget.of(request.getParameter(ReturnTarget.PARAMETER));
            redirect.sendRedirect(request, response, "/login?error"
                    + (next == null ? "" : "&" + ReturnTarget.PARAMETER + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        };
    }

    LogoutHandler logoutHandler() {
        return (request, response, authentication) -> loggedOut(authentication);
    }

    static final String RETRY_AFTER_ATTRIBUTE = "retryAfterSeconds";

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, long seconds,
            String page) throws ServletException, IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        request.setAttribute(RETRY_AFTER_ATTRIBUTE, seconds);
        request.getRequestDispatcher(page).forward(request, response);
    }

    /** Someone logged in (form, API or right after registering): the browser becomes a known device, an event. */
    void succeeded(SessionUser user, HttpServletRequest request, HttpServletResponse response) {
        devices.issue(request, response, user.id());
        loggedIn(user);
    }

    void loggedIn(SessionUser user) {
        transactions.executeWithoutResult(status ->
                events.publishEvent(UserLoggedIn.of(accounts.actor(user.id()), SqlTime.now(clock))));
    }

    void loggedOut(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SessionUser user) {
            transactions.executeWithoutResult(status ->
                    events.publishEvent(UserLoggedOut.of(accounts.actor(user.id()), SqlTime.now(clock))));
        }
    }
}
