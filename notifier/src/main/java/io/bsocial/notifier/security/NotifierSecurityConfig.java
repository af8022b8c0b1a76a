package io.bsocial.notifier.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bsocial.notifier.live.NotifierProperties;
import io.bsocial.shared.operations.OperatorAccessConfiguration;
import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;
import io.bsocial.shared.security.CorsRefusals;
import io.bsocial.shared.security.ProblemResponses;
import io.bsocial.shared.security.SharedSessionConfiguration;
import io.bsocial.shared.web.ProblemErrorController;

/**
 * The notifier trusts only sessions that web created (it never creates one): the session cookie
 * or {@code X-Auth-Token}, read from the shared JDBC store. Pages of the allowed origins may call
 * it with their cookie (CORS with credentials); a cookie-authenticated POST carries the page's
 * CSRF token, which lives in the same session. Any other page is refused before CORS or the
 * WebSocket handshake look at the request ({@link PageOrigins}); every refusal is a problem document.
 * The Actuator has a chain of its own, before this one ({@link OperatorAccessConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import({SharedSessionConfiguration.class, ProblemErrorController.class, OperatorAccessConfiguration.class})
class NotifierSecurityConfig {

    @Bean
    SecurityFilterChain notifier(HttpSecurity http, NotifierProperties properties) throws Exception {
        RequestMatcher usesToken = CookieOrTokenSessionIdResolver::usesToken;
        CorsConfiguration pages = pageCalls(properties);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.ignoringRequestMatchers(usesToken))
                .addFilter(CorsRefusals.filter(apiCalls(pages)))
                .addFilterBefore(refusing(new PageOrigins(pages)), CorsFilter.class);
        return ProblemResponses.answeringWithProblems(http).build();
    }

    /** Answers what {@link PageOrigins} matches with a 403 problem document, before CORS or the handshake parse it. */
    private static Filter refusing(RequestMatcher foreignPages) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (foreignPages.matches(request)) {
                    ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                            "The notifier answers pages of bSocial only: this origin may not call it.");
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
    }

    /**
     * The notifier authenticates nobody itself (web does, sessions carry the result). Declaring
     * this keeps Boot from creating a default user with a generated password.
     */
    @Bean
    UserDetailsService noLocalUsers() {
        return username -> {
            throw new UsernameNotFoundException("the notifier has no users of its own");
        };
    }

    private static CorsConfigurationSource apiCalls(CorsConfiguration pages) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", pages);
        return source;
    }

    /** Web's pages (the allowed origins) may call the HTTP API with their cookie. */
    private static CorsConfiguration pageCalls(NotifierProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "X-CSRF-TOKEN", CookieOrTokenSessionIdResolver.TOKEN_HEADER));
        cors.setAllowCredentials(true);
        return cors;
    }
}
