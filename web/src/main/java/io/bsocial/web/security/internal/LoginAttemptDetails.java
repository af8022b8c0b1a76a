package io.bsocial.web.security.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.stereotype.Component;

import io.bsocial.web.security.internal.DeviceCookies.Device;

/**
 * What the login throttle needs to know of the request behind a login, whichever route it took
 * (the form or the JSON API): the client's address (after trusted proxies) and the device cookie.
 */
record LoginAttemptDetails(String client, Optional<Device> device) {

    @Component
    static class Source implements AuthenticationDetailsSource<HttpServletRequest, LoginAttemptDetails> {

        private final DeviceCookies devices;

        Source(DeviceCookies devices) {
            this.devices = devices;
        }

        @Override
        public LoginAttemptDetails buildDetails(HttpServletRequest request) {
            return new LoginAttemptDetails(request.getRemoteAddr(), devices.read(request));
        }
    }
}
