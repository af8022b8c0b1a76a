package io.bsocial.web.account.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.bsocial.web.support.AllowedText;
import io.bsocial.web.support.NewPassword;
import io.bsocial.web.support.NotBlankText;
import io.bsocial.web.support.TextInput.Kind;

/**
 * What the registration form and {@code POST /api/auth/register} send. Names and e-mail refuse
 * control and bidi-override characters; the password follows {@link NewPassword}.
 */
public record RegistrationRequest(
        @NotBlankText(message = "First name is required.")
        @Size(max = 50, message = "First name must be at most 50 characters.")
        @AllowedText(value = Kind.NAME, message = "First name must not contain control or text-direction characters.")
        String firstName,

        @NotBlankText(message = "Last name is required.")
        @Size(max = 50, message = "Last name must be at most 50 characters.")
        @AllowedText(value = Kind.NAME, message = "Last name must not contain control or text-direction characters.")
        String lastName,

        @NotBlankText(message = "Username is required.")
        @Pattern(regexp = "[A-Za-z0-9_.]{3,30}",
                message = "Username must be 3 to 30 letters, digits, dots or underscores.")
        String username,

        @NotBlankText(message = "E-mail is required.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "E-mail must be a valid address.")
        @AllowedText(value = Kind.NAME, message = "E-mail must not contain control or text-direction characters.")
        String email,

        @NotNull(message = "Password is required.")
        @NewPassword
        String password,

        @NotNull(message = "Please repeat the password.")
        String passwordConfirmation) {

    /** An empty form for the registration page. */
    static RegistrationRequest empty() {
        return new RegistrationRequest("", "", "", "", "", "");
    }

    /** The same form without the passwords, to show it again after an error. */
    RegistrationRequest withoutPasswords() {
        return new RegistrationRequest(firstName, lastName, username, email, "", "");
    }

    NewAccount toNewAccount() {
        return new NewAccount(firstName.strip(), lastName.strip(), username.strip(), email.strip());
    }
}
