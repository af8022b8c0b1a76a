package io.bsocial.web.account.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountKey;
import io.bsocial.web.support.ConflictException;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InputValidator;
import io.bsocial.web.support.InvalidInputException;

/** Creates accounts: validates every field at once, refuses taken names, stores only a password hash. */
@Service
public class Registration {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final InputValidator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(AccountRepository accounts, PasswordEncoder passwordEncoder, InputValidator validator,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public Account register(RegistrationRequest request) {
        List<FieldProblem> problems = new ArrayList<>(validator.problems(request));
        if (request.password() != null && !request.password().equals(request.passwordConfirmation())
                && problems.stream().noneMatch(p -> p.field().equals("passwordConfirmation"))) {
            problems.add(new FieldProblem("passwordConfirmation", "Passwords do not match."));
        }
        if (request.email() != null && problems.stream().noneMatch(p -> p.field().equals("email"))
                && AccountKey.of(request.email()).length() > AccountRepository.MAX_EMAIL_KEY) {
            // Normalising can spell one character out as many (U+FDFA is eighteen): the key must fit its column.
            problems.add(new FieldProblem("email", "E-mail must be at most 254 characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NewAccount account = request.toNewAccount();
        requireAvailable(account);
        try {
            Account created = accounts.insert(account, passwordEncoder.encode(request.password()), SqlTime.now(clock));
            events.publishEvent(UserRegistered.of(new Actor(created.id(), created.username(), created.email()),
                    created.firstName(), created.lastName(), created.registeredAt()));
            return created;
        } catch (DuplicateKeyException raced) {
            // Someone registered the same name in the instant between our check and the insert.
            throw new ConflictException(List.of(
                    new FieldProblem("username", "That username or e-mail was just taken. Try another.")));
        }
    }

    private void requireAvailable(NewAccount account) {
        List<FieldProblem> taken = new ArrayList<>();
        if (accounts.usernameTaken(account.username())) {
            taken.add(new FieldProblem("username", "That username is already taken."));
        }
        if (accounts.emailTaken(account.email())) {
            taken.add(new FieldProblem("email", "An account with that e-mail already exists."));
        }
        if (!taken.isEmpty()) {
            throw new ConflictException(taken);
        }
    }
}
