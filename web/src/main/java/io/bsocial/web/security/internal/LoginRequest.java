package io.bsocial.web.security.internal;

import jakarta.validation.constraints.NotBlank;

import io.bsocial.web.support.AllowedText;
import io.bsocial.web.support.TextInput.Kind;

/**
 * {@code POST /api/auth/login}: {@code login} is a username or an e-mail address. A login holding a
 * control character cannot name an account and is refused before any lookup; the password is only
 * required here, so that a password registered under older rules can still be typed.
 */
record LoginRequest(
        @NotBlank(message = "Username or e-mail is required.")
        @AllowedText(value = Kind.SINGLE_LINE, message = "Username or e-mail must not contain control characters.")
        String login,
        @NotBlank(message = "Password is required.") String password) {
}
