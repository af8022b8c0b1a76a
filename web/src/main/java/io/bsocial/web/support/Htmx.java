package io.bsocial.web.support;

import jakarta.servlet.http.HttpServletRequest;

/** Facts about an htmx request, from the headers htmx sends. */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The id of the element that triggered the request, or null. */
    public static String trigger(HttpServletRequest request) {
        return request.getHeader("HX-Trigger");
    }
}
