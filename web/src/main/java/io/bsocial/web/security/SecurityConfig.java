package io.bsocial.web.security;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;
import io.bsocial.shared.security.ProblemResponses;
import io.bsocial.shared.security.SharedSessionConfiguration;

/**
 * Two filter chains: {@code /api/**} answers problem documents and never redirects; pages use
 * form login. Both share the JDBC session, CSRF protection and the security headers.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedSessionConfiguration.class)
class SecurityConfig {

    private static final RequestMatcher USES_TOKEN = CookieOrTokenSessionIdResolver::usesToken;

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider accounts) {
        return new ProviderManager(accounts);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ContentSecurityPolicy csp) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher register = path.matcher(HttpMethod.POST, "/api/auth/register");
        RequestMatcher login = path.matcher(HttpMethod.POST, "/api/auth/login");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(register, login).permitAll()
                        .anyRequest().authenticated())
                // Register and login are JSON-only (a cross-site form cannot send JSON without CORS),
                // and a call that names its session by header carries no ambient credential.
                .csrf(csrf -> csrf.ignoringRequestMatchers(USES_TOKEN, register, login))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return commonHeaders(http, csp).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ContentSecurityPolicy csp, LoginThrottle throttle,
            LoginEvents loginEvents) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/login/throttled", "/login/busy", "/register", "/error").permitAll()
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("login")
                        .successHandler(loginEvents.formLoginSuccess())
                        .failureHandler(loginEvents.formLoginFailure()))
                .addFilterBefore(new ThrottledFormLoginFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler(loginEvents.logoutHandler())
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginPageEntryPoint()));
        return commonHeaders(http, csp).build();
    }

    private static HttpSecurity commonHeaders(HttpSecurity http, ContentSecurityPolicy csp) throws Exception {
        return http.headers(headers -> headers
                .addHeaderWriter(csp)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
    }
}
