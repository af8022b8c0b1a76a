package io.bsocial.web.passwordreset.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.SignedInSessions;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InputValidator;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NewPassword;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * Password reset by e-mail, for the API and the pages alike.
 *
 * <p>Asking: every valid request spends one unit of the client address's budget and one of the
 * e-mail address's, whether or not an account has it (so the 429 tells nothing either); with an
 * account, a link is stored and mailed after the commit, off the request thread. Both cases answer
 * the same, in about the same time.
 *
 * <p>Resetting: the link is checked before anything costly (an unknown token costs one indexed
 * read, never a password hash), then the new password by registration's rules; the link is used up
 * before the password is stored, so two requests with one link cannot both reset, and it is put
 * back if no hashing slot was free (503). Then every other link of the account, and every session,
 * API token and device cookie, ends.
 */
@Service
class PasswordResets {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final String UNUSABLE = "This password-reset link is unknown, used or expired. Ask for a new one.";

    private final Accounts accounts;
    private final ResetTokens tokens;
    private final ResetMail mail;
    private final Budgets budgets;
    private final SignedInSessions sessions;
    private final InputValidator validator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordResets(Accounts accounts, ResetTokens tokens, ResetMail mail, Budgets budgets, SignedInSessions sessions,
            InputValidator validator, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mail = mail;
        this.budgets = budgets;
        this.sessions = sessions;
        this.validator = validator;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Mails a link if an account has the address; the caller answers the same either way. */
    void request(ResetRequest request, String clientAddress) {
        List<FieldProblem> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String email = request.email().strip();
        Optional<AccountView> account = accounts.byEmail(email);
        String token = transactions.execute(status -> {
            budgets.spendForAddress(Budget.PASSWORD_RESETS, clientAddress);
            budgets.spendForEmail(Budget.PASSWORD_RESETS, AccountKey.of(email));
            Instant now = clock.instant();
            return account.map(found -> tokens.issue(found.id(), now, now.plus(LIFETIME))).orElse(null);
        });
        if (token != null) {
            mail.send(account.get(), token);
        }
    }

    /** Whether the link still works (the new-password page shows its form only then). */
    boolean usable(String token) {
        return tokens.find(token, clock.instant()).isPresent();
    }

    /** Sets the new password and signs the account out everywhere; 404 for an unusable link, 400 for a bad password. */
    void reset(String token, NewPasswordRequest request) {
        ResetTokens.Pending pending = tokens.find(token, clock.instant())
                .orElseThrow(() -> new NotFoundException(UNUSABLE));
        List<FieldProblem> problems = new ArrayList<>(validator.problems(request));
        NewPassword.Confirmation.check(problems, request.password(), request.passwordConfirmation(),
                "passwordConfirmation");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!tokens.consume(pending)) {
            throw new NotFoundException(UNUSABLE);
        }
        try {
            accounts.replacePassword(pending.accountId(), request.password());
        } catch (PasswordHashingBusyException busy) {
            tokens.restore(pending);
            throw busy;
        }
        tokens.forgetAll(pending.accountId());
        accounts.account(pending.accountId()).ifPresent(account -> sessions.endEverywhere(
                new SessionUser(account.id(), account.username(), account.firstName(), account.lastName())));
    }
}
