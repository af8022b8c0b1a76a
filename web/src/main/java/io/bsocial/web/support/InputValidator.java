package io.bsocial.web.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;

/**
 * Bean Validation with one message per field: a blank field says it is required rather than
 * also failing its format rule (or its {@link AllowedText} rule).
 */
@Component
public class InputValidator {

    private static final Set<Class<?>> PRESENCE = Set.of(NotNull.class, NotBlank.class, NotBlankText.class);

    private final Validator validator;

    public InputValidator(Validator validator) {
        this.validator = validator;
    }

    public List<FieldProblem> problems(Object input) {
        Map<String, ConstraintViolation<Object>> byField = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            String field = violation.getPropertyPath().toString();
            byField.merge(field, violation, (kept, next) -> isPresence(next) && !isPresence(kept) ? next : kept);
        }
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, violation) -> problems.add(new FieldProblem(field, violation.getMessage())));
        problems.sort(java.util.Comparator.comparing(FieldProblem::field));
        return problems;
    }

    private static boolean isPresence(ConstraintViolation<?> violation) {
        return PRESENCE.contains(violation.getConstraintDescriptor().getAnnotation().annotationType());
    }
}
