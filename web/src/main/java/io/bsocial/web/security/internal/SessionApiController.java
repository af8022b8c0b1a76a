package io.bsocial.web.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.support.InputValidator;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * JSON login and logout. Login answers the session id as {@code token} (for the
 * {@code X-Auth-Token} header) and sets the session cookie; logout deletes the session at once.
 */
@RestController
@RequestMapping("/api/auth")
class SessionApiController {

    private final AuthenticationManager authenticationManager;
    private final LoginAttemptDetails.Source loginDetails;
    private final LoginEvents loginEvents;
    private final Accounts accounts;
    private final InputValidator validator;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SessionAuthenticationStrategy fixationProtection = new ChangeSessionIdAuthenticationStrategy();
    private final SecurityContextLogoutHandler logoutHandler = new SecurityContextLogoutHandler();

    SessionApiController(AuthenticationManager authenticationManager, LoginAttemptDetails.Source loginDetails,
            LoginEvents loginEvents, Accounts accounts, InputValidator validator) {
        this.authenticationManager = authenticationManager;
        this.loginDetails = loginDetails;
        this.loginEvents = loginEvents;
        this.accounts = accounts;
        this.validator = validator;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    LoginResponse login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        var problems = validator.problems(body);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(body.login(), body.password());
        attempt.setDetails(loginDetails.buildDetails(request));
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(attempt);
        } catch (LoginThrottledException throttled) {
            throw new TooManyLoginAttemptsException(throttled.retryAfterSeconds());
        } catch (LoginBusyException busy) {
            throw new PasswordHashingBusyException(busy.retryAfterSeconds());
        } catch (AuthenticationException failed) {
            throw new LoginFailedException();
        }
        fixationProtection.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SessionUser user = (SessionUser) authentication.getPrincipal();
        loginEvents.succeeded(user, request, response);
        AccountView account = accounts.account(user.id()).orElseThrow();
        String token = request.getSession().getId();
        // The only answer that names the session in this header (pages and htmx get the cookie alone).
        response.setHeader(CookieOrTokenSessionIdResolver.TOKEN_HEADER, token);
        return new LoginResponse(token, account);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        loginEvents.loggedOut(authentication);
        logoutHandler.logout(request, response, authentication);
        return ResponseEntity.noContent().build();
    }

    record LoginResponse(String token, AccountView user) {
    }
}
