package io.bsocial.notifier.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.bsocial.notifier.live.NotifierProperties;
import io.bsocial.shared.operations.OperatorAccessConfiguration;
import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;
import io.bsocial.shared.security.ProblemResponses;
import io.bsocial.shared.security.SharedSessionConfiguration;
import io.bsocial.shared.web.ProblemErrorController;

/**
 * The notifier trusts only sessions that web created (it never creates one): the session cookie
 * or {@code X-Auth-Token}, read from the shared JDBC store. Pages of the allowed origins may call
 * it with their cookie (CORS with credentials); a cookie-authenticated POST carries the page's
 * CSRF token, which lives in the same session. The Actuator has a chain of its own, before this
 * one ({@link OperatorAccessConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import({SharedSessionConfiguration.class, ProblemErrorController.class, OperatorAccessConfiguration.class})
class NotifierSecurityConfig {

    @Bean
    SecurityFilterChain notifier(HttpSecurity http) throws Exception {
        RequestMatcher usesToken = CookieOrTokenSessionIdResolver::usesToken;
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.ignoringRequestMatchers(usesToken))
                .cors(cors -> { });
        return ProblemResponses.answeringWithProblems(http).build();
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

    @Bean
    CorsConfigurationSource corsConfigurationSource(NotifierProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "X-CSRF-TOKEN", CookieOrTokenSessionIdResolver.TOKEN_HEADER));
        cors.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
