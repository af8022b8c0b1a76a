package io.bsocial.web.security.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.SignedInSessions;

/**
 * The shared JDBC sessions of one account, found by their principal name (the username, which
 * never changes): renamed in place when the account's names change, deleted when its password
 * changes (all but the changing one) or is reset (all of them, with every device cookie). A
 * session's id is also its API token ({@code X-Auth-Token}), so deleting a session ends both, and
 * the notifier closes its WebSockets once it finds the session gone.
 */
@Component
class AccountSessions implements SignedInSessions {

    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final FindByIndexNameSessionRepository<Session> sessions;
    private final DeviceCookies devices;

    @SuppressWarnings("unchecked")
    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, DeviceCookies devices) {
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.devices = devices;
    }

    /**
     * Every session of the account now names the person as they are called now. The current
     * request's session is changed through the request (which saves it at its end), the others
     * in the store.
     */
    @Override
    public void renamed(SessionUser user) {
        HttpServletRequest request = currentRequest();
        HttpSession current = request == null ? null : request.getSession(false);
        for (Map.Entry<String, Session> found : sessions.findByPrincipalName(user.username()).entrySet()) {
            if (current != null && found.getKey().equals(current.getId())) {
                continue;
            }
            Session session = found.getValue();
            if (session.getAttribute(CONTEXT) instanceof SecurityContext context && isOf(context, user)) {
                session.setAttribute(CONTEXT, renamed(context, user));
                sessions.save(session);
            }
        }
        SecurityContext mine = SecurityContextHolder.getContext();
        if (isOf(mine, user)) {
            SecurityContext replaced = renamed(mine, user);
            SecurityContextHolder.setContext(replaced);
            if (current != null) {
                current.setAttribute(CONTEXT, replaced);
            }
        }
    }

    /** Deletes every session of the account but the one this request came with (its cookie or token). */
    void endOthers(SessionUser user, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        endAllBut(user, current == null ? null : current.getId());
    }

    @Override
    public void endEverywhere(SessionUser user) {
        devices.revokeAllBut(user.id(), "");
        endAllBut(user, null);
    }

    private void endAllBut(SessionUser user, String kept) {
        for (String id : sessions.findByPrincipalName(user.username()).keySet()) {
            if (!id.equals(kept)) {
                sessions.deleteById(id);
            }
        }
    }

    private static boolean isOf(SecurityContext context, SessionUser user) {
        Authentication authentication = context.getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SessionUser principal
                && principal.id() == user.id();
    }

    private static SecurityContext renamed(SecurityContext context, SessionUser user) {
        Authentication old = context.getAuthentication();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, old.getAuthorities());
        authentication.setDetails(old.getDetails());
        SecurityContext replaced = SecurityContextHolder.createEmptyContext();
        replaced.setAuthentication(authentication);
        return replaced;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
