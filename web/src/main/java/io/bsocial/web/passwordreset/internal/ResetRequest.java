package io.bsocial.web.passwordreset.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import io.bsocial.web.support.AllowedText;
import io.bsocial.web.support.NotBlankText;
import io.bsocial.web.support.TextInput.Kind;

/** What {@code POST /api/auth/password-reset} and the "Forgot password?" form send: an address, checked as at registration. */
record ResetRequest(
        @NotBlankText(message = "E-mail is required.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "E-mail must be a valid address.")
        @AllowedText(value = Kind.NAME, message = "E-mail must not contain control or text-direction characters.")
        String email) {
}
