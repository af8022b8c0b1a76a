package io.bsocial.web.support;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Present and not blank, where blank also means made only of invisible characters
 * ({@link TextInput#isBlank}); Bean Validation's {@code @NotBlank} would accept a lone U+200B.
 */
@Documented
@Constraint(validatedBy = NotBlankText.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface NotBlankText {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotBlankText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !TextInput.isBlank(value);
        }
    }
}
