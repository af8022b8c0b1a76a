package io.bsocial.notifier.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import io.bsocial.shared.security.SessionUser;

/**
 * Logs users in the way web does: a session in the shared JDBC store holding the security
 * context with a {@link SessionUser}, and the CSRF token web's pages render (web keeps it in the
 * session with Spring Security's default {@link HttpSessionCsrfTokenRepository}). The notifier then
 * reads it like any session of web's.
 */
public final class TestSessions {

    /** Where {@link HttpSessionCsrfTokenRepository} keeps the token (its default attribute name). */
    private static final String CSRF_ATTRIBUTE = HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";

    private TestSessions() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static LoggedIn login(SessionRepository repository, long id, String username) {
        Session session = (Session) repository.createSession();
        SessionUser user = new SessionUser(id, username, "First" + id, "Last" + id);
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
        session.setAttribute(CSRF_ATTRIBUTE, csrf);
        repository.save(session);
        return new LoggedIn(id, username, session.getId(), csrf);
    }

    public record LoggedIn(long id, String username, String sessionId, CsrfToken csrf) {

        public String[] auth() {
            return new String[] {"X-Auth-Token", sessionId};
        }

        /** The value of the SESSION cookie a browser would send. */
        public String cookie() {
            return "SESSION=" + Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
        }

        /** The header that carries the CSRF token, as web's pages name it ({@code <meta name="_csrf_header">}). */
        public String csrfHeader() {
            return csrf.getHeaderName();
        }

        /**
         * The token as a page of web shows it ({@code <meta name="_csrf">}): masked afresh by the same
         * handler web uses, so every call answers a different string for the same session token.
         */
        public String maskedCsrfToken() {
            MockHttpServletRequest page = new MockHttpServletRequest();
            new XorCsrfTokenRequestAttributeHandler().handle(page, new MockHttpServletResponse(), () -> csrf);
            return ((CsrfToken) page.getAttribute(CsrfToken.class.getName())).getToken();
        }
    }
}
