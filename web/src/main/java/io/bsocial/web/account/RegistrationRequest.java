package io.bsocial.web.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the registration form and {@code POST /api/auth/register} send. */
public record RegistrationRequest(
        @NotBlank(message = "First name is required.")
        @Size(max = 50, message = "First name must be at most 50 characters.")
        String firstName,

        @NotBlank(message = "Last name is required.")
        @Size(max = 50, message = "Last name must be at most 50 characters.")
        String lastName,

        @NotBlank(message = "Username is required.")
        @Pattern(regexp = "[A-Za-z0-9_.]{3,30}",
                message = "Username must be 3 to 30 letters, digits, dots or underscores.")
        String username,

        @NotBlank(message = "E-mail is required.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "E-mail must be a valid address.")
        String email,

        @NotNull(message = "Password is required.")
        @Size(min = 8, max = 128, message = "Password must be 8 to 128 characters.")
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
        return new NewAccount(firstName.trim(), lastName.trim(), username.trim(), email.trim());
    }
}
