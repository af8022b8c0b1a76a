package io.bsocial.shared.operations;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import io.bsocial.shared.web.Problems;
import io.bsocial.shared.web.TrustedProxies;

/**
 * Who may use the Actuator, in one place for web, the notifier and the indexer: its own filter
 * chain, matched by Spring Security on the normalised path ({@code EndpointRequest}, so that
 * {@code /%61ctuator/metrics} is the same request as {@code /actuator/metrics}). Anyone gets the
 * health status; everything else — health details, metrics, the endpoint list and every operator
 * command — is for operators ({@link OperatorAuthentication}: loopback or the operator token, and
 * never a page in a browser). Each service imports it and sets
 * {@code management.endpoint.health.show-details=when-authorized} with role {@value #ROLE}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
@Import(TrustedProxies.class)
public class OperatorAccessConfiguration {

    public static final String ROLE = "OPERATOR";

    /** Before every other chain of a service: no other rule ever sees an Actuator request. */
    public static final int ORDER = 0;

    @Bean
    OperatorToken operatorToken(OperatorProperties properties) {
        return new OperatorToken(properties);
    }

    /**
     * Nothing ambient authenticates an operator (no session, no cookie; loopback only without
     * {@code Origin}), so this chain keeps no session and needs no CSRF token.
     */
    @Bean
    @Order(ORDER)
    SecurityFilterChain operatorEndpoints(HttpSecurity http, OperatorToken token) throws Exception {
        AuthenticationEntryPoint refused = (request, response, exception) ->
                Problems.write(response, HttpStatus.FORBIDDEN, "Only operators may read this.");
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .addFilterBefore(new OperatorAuthentication(token), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole(ROLE))
                .csrf(csrf -> csrf.disable())
                // An operator's request from this machine is authenticated here, without a session;
                // left to the default, Spring Security then "protected" the caller's own session from
                // fixation by changing its id: a signed-in person who read /actuator/health (or a
                // benchmark's health probe carrying its token) lost their session.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(refused)
                        .accessDeniedHandler((request, response, exception) -> refused.commence(request, response, null)));
        return http.build();
    }

    /** The authorities of an operator's request. */
    static List<String> authorities() {
        return List.of("ROLE_" + ROLE);
    }
}
