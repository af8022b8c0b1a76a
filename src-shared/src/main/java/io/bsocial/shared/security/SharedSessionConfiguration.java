package io.bsocial.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * How {@code web} and {@code notifier} find the shared JDBC session of a request: the
 * {@code SESSION} cookie (HttpOnly, SameSite=Lax) or the {@code X-Auth-Token} header.
 * Honours Boot's {@code server.servlet.session.cookie.*} properties.
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
}
