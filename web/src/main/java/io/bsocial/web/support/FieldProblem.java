package io.bsocial.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One invalid input field: an entry of the {@code errors} list of a problem document. */
public record FieldProblem(String field, String message) {

    /** Messages keyed by field, for showing each next to its input on a page. */
    public static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> messages = new LinkedHashMap<>();
        problems.forEach(problem -> messages.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
        return messages;
    }
}
