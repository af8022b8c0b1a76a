package io.bsocial.web.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.SessionStarter;

/**
 * Logs a person in without a password form, right after they registered: what form login does on
 * success — a new session id (no fixation), a new CSRF token, the context stored in the shared
 * session, and the login's events.
 */
@Component
class SessionLogin implements SessionStarter {

    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final LoginEvents loginEvents;
    private final Authorities authorities;

    SessionLogin(CsrfTokenRepository pageCsrfTokens, LoginEvents loginEvents, Authorities authorities) {
        this.authorities = authorities;
        this.sessionStrategy = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(pageCsrfTokens)));
        this.loginEvents = loginEvents;
    }

    @Override
    public void logIn(SessionUser user, HttpServletRequest request, HttpServletResponse response) {
        if (authorities.suspended(user.id())) {
            return; // a suspended account's password may be reset, but it is not signed in
        }
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                authorities.of(user.id()));
        sessionStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        loginEvents.succeeded(user, request, response);
    }
}
