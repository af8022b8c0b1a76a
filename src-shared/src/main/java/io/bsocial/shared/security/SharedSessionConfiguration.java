package io.bsocial.shared.security;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * How {@code web} and {@code notifier} find the shared JDBC session of a request: the
 * {@code SESSION} cookie (HttpOnly, SameSite=Lax) or the {@code X-Auth-Token} header.
 * Honours Boot's {@code server.servlet.session.cookie.*} properties. A request writes the session's
 * access time at most once per {@code bsocial.session.access-write-interval} (default one minute),
 * and adds an attribute with an upsert, so that concurrent requests of one session may add the same one.
 */
@Configuration(proxyBeanMethods = false)
public class SharedSessionConfiguration {

    @Bean
    HttpSessionIdResolver httpSessionIdResolver(Environment environment) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(environment.getProperty("server.servlet.session.cookie.name", "SESSION"));
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        // Unset, the cookie is Secure exactly when the request is (HTTPS, or a trusted proxy's
        // X-Forwarded-Proto: https); the property forces it either way.
        Boolean secure = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class);
        if (secure != null) {
            cookie.setUseSecureCookie(secure);
        }
        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
        cookies.setCookieSerializer(cookie);
        return new CookieOrTokenSessionIdResolver(cookies);
    }

    /** See {@link SessionAttributeUpserts}: applied after Boot's own customizer (which orders itself first). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpserts(DataSource dataSource) {
        return new SessionAttributeUpserts(dataSource);
    }

    /**
     * Wraps the JDBC session repository so that a read does not write the session row (see
     * {@link ThrottledAccessSessions}). A post-processor rather than a second repository bean: Boot's
     * JDBC session configuration backs off when it sees any other session repository.
     */
    @Bean
    static BeanPostProcessor throttledSessionAccessWrites(Environment environment) {
        Duration interval = environment.getProperty("bsocial.session.access-write-interval", Duration.class,
                Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FindByIndexNameSessionRepository<?> sessions
                        && !(bean instanceof ThrottledAccessSessions<?>)) {
                    return new ThrottledAccessSessions<>((FindByIndexNameSessionRepository<Session>) sessions, interval);
                }
                return bean;
            }
        };
    }
}
