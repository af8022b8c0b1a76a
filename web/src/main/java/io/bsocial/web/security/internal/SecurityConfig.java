package io.bsocial.web.security.internal;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
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
import io.bsocial.web.support.StaticAssets;

/**
 * Two filter chains: {@code /api/**} answers problem documents and never redirects; pages use
 * form login. Static files have a chain of their own, without sessions. Both share the JDBC session, CSRF protection and the security headers, and refuse
 * every cross-origin preflight with a problem document (no other origin may call web). A third,
 * before them, keeps the Actuator to operators ({@link OperatorAccessConfiguration}, shared with
 * the notifier and the indexer). Every password check, by the form or the API, goes through
 * {@link AccountAuthenticationProvider} and so through the login throttle.
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

    private static final RequestMatcher REGISTRATION = PathPatternRequestMatcher.withDefaults().matcher("/register");

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider accounts) {
        return new ProviderManager(accounts);
    }

    /**
     * Static files: public, and served without reading the session (no security context, no
     * request cache), so that a page's dozen files cost no database lookups. Their caching is
     * StaticAssets' (a year, immutable): the default no-cache headers are off here only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        http.securityMatcher(StaticAssets.PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ContentSecurityPolicy csp) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher register = path.matcher(HttpMethod.POST, "/api/auth/register");
        RequestMatcher login = path.matcher(HttpMethod.POST, "/api/auth/login");
        RequestMatcher askForReset = path.matcher(HttpMethod.POST, "/api/auth/password-reset");
        RequestMatcher reset = path.matcher(HttpMethod.POST, "/api/auth/password-reset/{token}");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(register, login, askForReset, reset).permitAll()
                        .requestMatchers("/api/moderation/**").hasRole(Authorities.MODERATOR)
                        .anyRequest().authenticated())
                // Register, login and password reset are JSON-only (a cross-site form cannot send JSON
                // without CORS), and a call that names its session by header carries no ambient credential.
                .csrf(csrf -> csrf.ignoringRequestMatchers(USES_TOKEN, register, login, askForReset, reset))
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
    SecurityFilterChain pages(HttpSecurity http, ContentSecurityPolicy csp, LoginAttemptDetails.Source loginDetails,
            LoginEvents loginEvents, CsrfTokenRepository pageCsrfTokens) throws Exception {
        LoginPageEntryPoint loginPage = new LoginPageEntryPoint();
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/login/throttled", "/login/busy", "/register", "/error").permitAll()
                        .requestMatchers("/password-reset", "/password-reset/{token}").permitAll()
                        .requestMatchers(LANDING).permitAll()
                        .requestMatchers("/favicon.ico").permitAll()
                        .requestMatchers("/moderation/**").hasRole(Authorities.MODERATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("login")
                        .authenticationDetailsSource(loginDetails)
                        .successHandler(loginEvents.formLoginSuccess())
                        .failureHandler(loginEvents.formLoginFailure()))
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
                    && !REGISTRATION.matches(request)) {
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
