package io.bsocial.web.security.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.CurrentPassword;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InputValidator;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NewPassword;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * Changes a password, for the API and the settings page alike. The current password is checked by
 * the authentication provider, as a login would be, so the login throttle counts and limits wrong
 * guesses here too (403 each, 429 past the limit: someone at an unlocked screen cannot guess
 * faster than a stranger at the login form). Once the new password is stored, every other session
 * (and so every other API token) of the account is deleted and every other device cookie revoked;
 * the session and the browser that changed it stay signed in.
 *
 * <p>The same check confirms the password for other account actions ({@link CurrentPassword}: the
 * deletion of the account), throttled alike.
 */
@Component
class PasswordChanges implements CurrentPassword {

    private final AuthenticationManager authenticationManager;
    private final LoginAttemptDetails.Source loginDetails;
    private final Accounts accounts;
    private final InputValidator validator;
    private final DeviceCookies devices;
    private final AccountSessions sessions;

    PasswordChanges(AuthenticationManager authenticationManager, LoginAttemptDetails.Source loginDetails,
            Accounts accounts, InputValidator validator, DeviceCookies devices, AccountSessions sessions) {
        this.authenticationManager = authenticationManager;
        this.loginDetails = loginDetails;
        this.accounts = accounts;
        this.validator = validator;
        this.devices = devices;
        this.sessions = sessions;
    }

    void change(SessionUser me, PasswordChangeRequest change, HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>(validator.problems(change));
        NewPassword.Confirmation.check(problems, change.newPassword(), change.newPasswordConfirmation(),
                "newPasswordConfirmation");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        confirm(me, change.currentPassword(), "currentPassword", request);
        accounts.replacePassword(me.id(), change.newPassword());
        devices.revokeOthers(me.id(), request);
        sessions.endOthers(me, request);
    }

    @Override
    public void confirm(SessionUser me, String password, String field, HttpServletRequest request) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                me.username(), password);
        attempt.setDetails(loginDetails.buildDetails(request));
        Authentication checked;
        try {
            checked = authenticationManager.authenticate(attempt);
        } catch (LoginThrottledException throttled) {
            throw new TooManyLoginAttemptsException(throttled.retryAfterSeconds());
        } catch (LoginBusyException busy) {
            throw new PasswordHashingBusyException(busy.retryAfterSeconds());
        } catch (AuthenticationException wrong) {
            throw new WrongPasswordException(field);
        }
        if (!(checked.getPrincipal() instanceof SessionUser user) || user.id() != me.id()) {
            throw new WrongPasswordException(field);
        }
    }
}
