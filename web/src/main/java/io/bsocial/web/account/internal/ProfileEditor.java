package io.bsocial.web.account.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.web.account.ProfileUpdate;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

/**
 * Changes the names and the bio of an account. Names follow registration's rules (1 to 50
 * characters, no control or text-direction characters, stripped); the bio follows the rules of
 * posts (line breaks allowed, no control characters) with at most {@value #MAX_BIO} characters,
 * and a blank one is no bio. Every field is checked before anything is stored, and all of their
 * errors are answered at once.
 */
@Component
public class ProfileEditor {

    public static final int MAX_BIO = 300;
    private static final int MAX_NAME = 50;

    private final AccountRepository accounts;

    ProfileEditor(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public Account update(long accountId, ProfileUpdate update) {
        List<FieldProblem> problems = new ArrayList<>();
        name("firstName", "First name", update.firstName(), problems);
        name("lastName", "Last name", update.lastName(), problems);
        bio(update.bio(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
        String firstName = update.firstName() == null ? account.firstName() : update.firstName().strip();
        String lastName = update.lastName() == null ? account.lastName() : update.lastName().strip();
        String bio = update.bio() == null ? account.bio() : storedBio(update.bio());
        accounts.updateProfile(accountId, firstName, lastName, bio);
        return accounts.findById(accountId).orElseThrow();
    }

    /** Registration's rules and messages, for a name that is given. */
    private static void name(String field, String label, String value, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        if (TextInput.isBlank(value)) {
            problems.add(new FieldProblem(field, label + " is required."));
        } else if (value.length() > MAX_NAME) {
            problems.add(new FieldProblem(field, label + " must be at most 50 characters."));
        } else if (!TextInput.isAllowed(value, TextInput.Kind.NAME)) {
            problems.add(new FieldProblem(field, label + " must not contain control or text-direction characters."));
        }
    }

    private static void bio(String value, List<FieldProblem> problems) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || TextInput.isBlank(stripped)) {
            return;
        }
        if (!TextInput.isAllowed(stripped, TextInput.Kind.MULTI_LINE)) {
            problems.add(new FieldProblem("bio", "Bio must not contain control characters (other than tabs and line breaks)."));
        } else if (stripped.codePointCount(0, stripped.length()) > MAX_BIO) {
            problems.add(new FieldProblem("bio", "Bio must be at most " + MAX_BIO + " characters."));
        }
    }

    private static String storedBio(String value) {
        String stripped = value.strip();
        return TextInput.isBlank(stripped) ? null : stripped;
    }
}
