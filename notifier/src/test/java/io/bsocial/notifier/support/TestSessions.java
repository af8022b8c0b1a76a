package io.bsocial.notifier.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import io.bsocial.shared.security.SessionUser;

/**
 * Logs users in the way web does: a session in the shared JDBC store holding the security
 * context with a {@link SessionUser}. The notifier then reads it like any session of web's.
 */
public final class TestSessions {

    private TestSessions() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static LoggedIn login(SessionRepository repository, long id, String username) {
        Session session = (Session) repository.createSession();
        SessionUser user = new SessionUser(id, username, "First" + id, "Last" + id);
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        repository.save(session);
        return new LoggedIn(id, username, session.getId());
    }

    public record LoggedIn(long id, String username, String sessionId) {

        public String[] auth() {
            return new String[] {"X-Auth-Token", sessionId};
        }

        /** The value of the SESSION cookie a browser would send. */
        public String cookie() {
            return "SESSION=" + Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
        }
    }
}
