package io.bsocial.web.support;

/** The JSON body that writes a post or a comment: {@code POST} to create, {@code PATCH} to edit. */
public record ContentRequest(String content) {
}
