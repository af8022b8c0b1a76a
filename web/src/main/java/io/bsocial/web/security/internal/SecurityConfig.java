package io.bsocial.web.security.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.bsocial.shared.operations.OperatorAccessConfiguration;
import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;
import io.bsocial.shared.security.CorsRefusals;
import io.bsocial.shared.security.ProblemResponses;
import io.bsocial.shared.security.SharedSessionConfiguration;
import io.bsocial.web.support.Htmx;

/**
 * Two filter chains: {@code /api/**} answers problem documents and never redirects; pages use
 * form login. Both share the JDBC session, CSRF protection and the security headers, and refuse
 * every cross-origin preflight with a problem document (no other origin may call web). A third,
 * before them, keeps operator endpoints to callers on this machine.
 */
@Configuration(proxyBeanMethods = false)
@Import({SharedSessionConfiguration.class, OperatorAccessConfiguration.class})
class SecurityConfig {

    private static final RequestMatcher USES_TOKEN = CookieOrTokenSessionIdResolver::usesToken;

    /**
     * The landing page: anyone may load {@code /} as a page (visitors see what bSocial is). An htmx
     * request for it still needs a session, so an expired one is sent to the login page.
     */
    private static final RequestMatcher LANDING = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/"),
            request -> !Htmx.isHtmx(request));

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider accounts) {
        return new ProviderManager(accounts);
    }

    /**
     * Operator endpoints (the outbox's re-publish command, {@code ./bsocial outbox}) answer
     * operators only ({@code OperatorAccess}: loopback, or the operator token; behind a trusted
     * proxy the caller is the client named in {@code X-Forwarded-For}), and never a browser: a
     * browser sends {@code Origin} with every POST, so a page open on the machine cannot forge a
     * command. Nothing ambient authenticates these requests (no session, no cookie), so they need
     * no CSRF token.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operatorEndpoints(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint refused = (request, response, exception) -> ProblemResponses.write(response,
                HttpStatus.FORBIDDEN, "Operator endpoints never answer a web page.");
        http.securityMatcher(EndpointRequest.to("outbox", "timelines"))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(notFromABrowserPage(context.getRequest()))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        ProblemResponses.answeringWithProblems(http)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(refused)
                        .accessDeniedHandler((request, response, exception) -> refused.commence(request, response, null)));
        return http.build();
    }

    /** A page in a browser sends {@code Origin}: no page, even one on this machine, may command the outbox. */
    private static boolean notFromABrowserPage(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) == null;
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
                .addFilter(CorsRefusals.refusingEveryPreflight())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        return commonHeaders(ProblemResponses.answeringWithProblems(http), csp).build();
    }

    /** The pages' CSRF tokens, in the session; {@link SessionLogin} rotates them like form login does. */
    @Bean
    CsrfTokenRepository pageCsrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ContentSecurityPolicy csp, LoginThrottle throttle,
            DeviceCookies devices, LoginEvents loginEvents, CsrfTokenRepository pageCsrfTokens) throws Exception {
        LoginPageEntryPoint loginPage = new LoginPageEntryPoint();
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/login/throttled", "/login/busy", "/register", "/error").permitAll()
                        .requestMatchers(LANDING).permitAll()
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
                        // OperatorAccess decides: health status for all, the rest for operators only.
                        .requestMatchers("/actuator", "/actuator/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("login")
                        .successHandler(loginEvents.formLoginSuccess())
                        .failureHandler(loginEvents.formLoginFailure()))
                .addFilterBefore(new ThrottledFormLoginFilter(throttle, devices), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler(loginEvents.logoutHandler())
                        .logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(pageCsrfTokens))
                .addFilter(CorsRefusals.refusingEveryPreflight())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(loginPage)
                        .accessDeniedHandler(loginFirst(loginPage)));
        return commonHeaders(http, csp).build();
    }

    /**
     * An htmx request sent after the session expired carries the old session's CSRF token, which
     * no session holds any more: that person needs to log in again (and come back), not a silent
     * 403. Plain form posts (no script) and the registration form keep the 403 page.
     */
    private static AccessDeniedHandler loginFirst(LoginPageEntryPoint loginPage) {
        AccessDeniedHandler refused = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken;
            if (anonymous && exception instanceof CsrfException && Htmx.isHtmx(request)
                    && !request.getRequestURI().equals(request.getContextPath() + "/register")) {
                loginPage.commence(request, response, new InsufficientAuthenticationException("session expired"));
            } else {
                refused.handle(request, response, exception);
            }
        };
    }

    private static HttpSecurity commonHeaders(HttpSecurity http, ContentSecurityPolicy csp) throws Exception {
        return http.headers(headers -> headers
                .addHeaderWriter(csp)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
    }
}
