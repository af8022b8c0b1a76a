package io.bsocial.web.timeline.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bsocial.shared.security.SessionUser;

/**
 * Who is active, for home timelines: every authenticated request (sessions slide, so a daily
 * reader may never log in again) records its user's activity on their head, at most once per
 * {@code activityInterval} per user and instance (remembered here, so most requests cost a map
 * lookup). Someone whose head was dropped for idleness gets an unbuilt one back, built at once by
 * the fan-out's thread; their feed reads with the query of before meanwhile, so their first page
 * is complete. Runs after Spring Security's filter chain. Best effort: a database that is away
 * never fails the request (the next one records it).
 */
class TimelineActivity extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TimelineActivity.class);
    /** Past this many remembered users, the memory starts over (each then costs one update more). */
    private static final int MAX_REMEMBERED = 100_000;

    private final HomeTimelines timelines;
    private final TimelineFanOut fanOut;
    private final TimelineProperties properties;
    private final Clock clock;
    /** When each user's activity was last recorded by this instance. */
    private final ConcurrentHashMap<Long, Instant> recorded = new ConcurrentHashMap<>();

    TimelineActivity(HomeTimelines timelines, TimelineFanOut fanOut, TimelineProperties properties, Clock clock) {
        this.timelines = timelines;
        this.fanOut = fanOut;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getPrincipal() instanceof SessionUser user) {
            record(user.id());
        }
        chain.doFilter(request, response);
    }

    void record(long userId) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.activityInterval());
        Instant last = recorded.get(userId);
        if (last != null && last.isAfter(since)) {
            return;
        }
        try {
            if (timelines.touch(userId, now, since)) {
                fanOut.requestBuild();
            }
            if (recorded.size() >= MAX_REMEMBERED) {
                recorded.clear();
            }
            recorded.put(userId, now);
        } catch (DataAccessException away) {
            log.debug("activity of user {} not recorded: {}", userId, away.toString());
        }
    }

    /** Forgets what this instance recorded (tests that move activity back in time). */
    void forget() {
        recorded.clear();
    }
}
