package io.bsocial.web.report.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a report is about, as the API shows it: {@code {"type":"post","id":1}},
 * {@code {"type":"comment","id":2,"postId":1}} or {@code {"type":"user","username":"ada"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Target(String type, Long id, Long postId, String username) {

    static final int POST = 1;
    static final int COMMENT = 2;
    static final int USER = 3;

    static String typeOf(int kind) {
        return switch (kind) {
            case POST -> "post";
            case COMMENT -> "comment";
            default -> "user";
        };
    }
}
