package io.bsocial.web.security;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** What happens around form login and logout besides the session itself: throttling. */
@Component
class LoginEvents {

    private final LoginThrottle throttle;

    LoginEvents(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    AuthenticationSuccessHandler formLoginSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(request.getParameter("login"));
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    AuthenticationFailureHandler formLoginFailure() {
        SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            throttle.failed(request.getRemoteAddr(), request.getParameter("login"));
            redirect.onAuthenticationFailure(request, response, exception);
        };
    }
}
