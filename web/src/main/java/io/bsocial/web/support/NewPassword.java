package io.bsocial.web.support;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;

import io.bsocial.web.support.TextInput.Kind;

/**
 * The rules of a password being chosen, the same at registration, on a change and on a reset: 8 to
 * 128 characters, any printable character (spaces, emoji, anything a password manager makes) but no
 * control character or lone surrogate, which could not be typed again or hashed as typed. Presence
 * is the field's own rule ({@code @NotNull} with its message).
 */
@Documented
@Constraint(validatedBy = {})
@Size(min = 8, max = 128, message = "Password must be 8 to 128 characters.")
@AllowedText(value = Kind.SINGLE_LINE, message = "Password must not contain control characters.")
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NewPassword {

    String message() default "Password must be 8 to 128 characters without control characters.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The confirmation rule, which compares two fields. */
    final class Confirmation {

        private Confirmation() {
        }

        /**
         * Adds "Passwords do not match." for {@code field} to {@code problems} when the confirmation
         * differs from the password and that field has no problem yet.
         */
        public static void check(List<FieldProblem> problems, String password, String confirmation, String field) {
            if (password != null && !password.equals(confirmation)
                    && problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldProblem(field, "Passwords do not match."));
            }
        }
    }
}
