package io.bsocial.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A session repository that writes a session's last-access time at most once per interval.
 *
 * <p>Spring Session's filter stamps the access time on every request, and the JDBC repository then
 * updates the session row: every read became a write, and concurrent requests of one session
 * queued behind each other on that row's lock. Here a newer access time is kept only once the
 * stored one is older than the interval (Spring Session's own advice for JDBC), so reads write
 * nothing. The cost: a session may expire up to one interval before its full inactivity timeout.
 * Everything else (attributes, id changes, principal) is saved exactly as before.
 */
final class ThrottledAccessSessions<S extends Session>
        implements FindByIndexNameSessionRepository<ThrottledAccessSessions.ThrottledSession<S>> {

    private final FindByIndexNameSessionRepository<S> sessions;
    private final Duration interval;

    ThrottledAccessSessions(FindByIndexNameSessionRepository<S> sessions, Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
    }

    @Override
    public ThrottledSession<S> createSession() {
        return new ThrottledSession<>(sessions.createSession(), interval);
    }

    @Override
    public void save(ThrottledSession<S> session) {
        sessions.save(session.delegate);
    }

    @Override
    public ThrottledSession<S> findById(String id) {
        S session = sessions.findById(id);
        return session == null ? null : new ThrottledSession<>(session, interval);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, ThrottledSession<S>> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new ThrottledSession<>(session, interval)));
        return found;
    }

    /** A session whose access time moves only when the stored one is an interval old. */
    static final class ThrottledSession<S extends Session> implements Session {

        private final S delegate;
        private final Duration interval;

        ThrottledSession(S delegate, Duration interval) {
            this.delegate = delegate;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(interval))) {
                delegate.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration maxInactiveInterval) {
            delegate.setMaxInactiveInterval(maxInactiveInterval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
