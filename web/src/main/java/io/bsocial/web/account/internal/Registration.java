package io.bsocial.web.account.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountKey;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.support.ConflictException;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InputValidator;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NewPassword;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * Creates accounts: validates every field at once, refuses taken names, stores only a password hash.
 *
 * <p>Every attempt with valid fields spends one unit of the client address's registration budget,
 * a refused one (409, a taken username or e-mail) too: that 409 must say why registration failed,
 * so the budget is what stops anyone from probing which e-mail addresses have an account. The
 * unit is spent and the names checked in one short transaction that commits either way; the
 * password is then hashed outside any transaction (a memory-hard hash holds neither a connection
 * nor the budget's lock), and the account is inserted in a second one. When no hashing slot is
 * free (503), the unit is given back.
 */
@Service
public class Registration {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final InputValidator validator;
    private final Budgets budgets;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(AccountRepository accounts, PasswordEncoder passwordEncoder, InputValidator validator, Budgets budgets,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.validator = validator;
        this.budgets = budgets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Registers from {@code clientAddress} (the request's, through trusted proxies only). */
    public Account register(RegistrationRequest request, String clientAddress) {
        List<FieldProblem> problems = new ArrayList<>(validator.problems(request));
        NewPassword.Confirmation.check(problems, request.password(), request.passwordConfirmation(),
                "passwordConfirmation");
        if (request.email() != null && problems.stream().noneMatch(p -> p.field().equals("email"))
                && AccountKey.of(request.email()).length() > AccountRepository.MAX_EMAIL_KEY) {
            // Normalising can spell one character out as many (U+FDFA is eighteen): the key must fit its column.
            problems.add(new FieldProblem("email", "E-mail must be at most 254 characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NewAccount account = request.toNewAccount();
        List<FieldProblem> taken = transactions.execute(status -> {
            budgets.spendForAddress(Budget.REGISTRATIONS, clientAddress);
            return taken(account);
        });
        if (!taken.isEmpty()) {
            throw new ConflictException(taken);
        }
        String passwordHash;
        try {
            passwordHash = passwordEncoder.encode(request.password());
        } catch (PasswordHashingBusyException busy) {
            // Our capacity, not the client's doing: the attempt is given back.
            transactions.executeWithoutResult(status -> budgets.giveBackToAddress(Budget.REGISTRATIONS, clientAddress));
            throw busy;
        }
        try {
            return transactions.execute(status -> {
                Account created = accounts.insert(account, passwordHash, SqlTime.now(clock));
                if (accounts.usernameReserved(created.username())) {
                    // The account that had the name was deleted in the meantime: its name stays reserved.
                    throw new DuplicateKeyException("username reserved by a deleted account");
                }
                events.publishEvent(UserRegistered.of(new Actor(created.id(), created.username(), created.email()),
                        created.firstName(), created.lastName(), created.registeredAt()));
                return created;
            });
        } catch (DuplicateKeyException raced) {
            // Someone registered the same name in the instant between our check and the insert.
            throw new ConflictException(List.of(
                    new FieldProblem("username", "That username or e-mail was just taken. Try another.")));
        }
    }

    /** A deleted account's username is taken for good: the same answer as for a living account's. */
    private List<FieldProblem> taken(NewAccount account) {
        List<FieldProblem> taken = new ArrayList<>();
        if (accounts.usernameTaken(account.username())) {
            taken.add(new FieldProblem("username", "That username is already taken."));
        }
        if (accounts.emailTaken(account.email())) {
            taken.add(new FieldProblem("email", "An account with that e-mail already exists."));
        }
        return taken;
    }
}
