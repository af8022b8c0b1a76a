package io.bsocial.web.support;

/** The JSON body of {@code POST /api/posts} and {@code POST /api/posts/{id}/comments}. */
public record ContentRequest(String content) {
}
