package io.bsocial.web.passwordreset.internal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What bSocial's mail says about itself ({@code bsocial.mail.*}); the SMTP server is Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender of every mail
 * @param webUrl where people reach web, the start of every link in a mail. Configured, never taken
 *        from a request's {@code Host}: a forged host would otherwise send a victim a link to the
 *        forger's site, with the victim's token in it.
 */
@ConfigurationProperties("bsocial.mail")
public record ResetMailProperties(
        @DefaultValue("bsocial@localhost") String from,
        @DefaultValue("http://localhost:8080") URI webUrl) {

    /** The link that opens the new-password form for {@code token}. */
    String resetLink(String token) {
        return webUrl.toString().replaceAll("/+$", "") + "/password-reset/" + token;
    }
}
