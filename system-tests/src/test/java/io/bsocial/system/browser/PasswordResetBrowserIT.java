package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import jakarta.mail.internet.MimeMessage;

/**
 * A forgotten password, as a person gets through it on a desktop (1280×900) and a phone (390×844):
 * "Forgot password?" on the login page, the address asked for (a malformed one refused by its
 * field), the same answer for an address nobody has, the mail read from a real SMTP server
 * (GreenMail), its link opened, a new password refused while the two fields differ, then set; the
 * old password no longer works, the new one does, and the link a second time is said to be used.
 * axe-core clean on every step.
 */
class PasswordResetBrowserIT extends EndToEnd {

    private static final Pattern LINK = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a freshly chosen passphrase";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(true);

    @ParameterizedTest
    @EnumSource(Screen.class)
    void forgetResetAndLogInWithTheNewPassword(Screen screen) throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "forgot");
        String email = me.username() + "@example.com";
        List<String> violations = new ArrayList<>();
        browser = Browser.lease("http://localhost:" + port, screen);

        browser.open("/login");
        browser.click("#forgot-password-link");
        browser.waitForPath("/password-reset");
        violations.addAll(AccessibilityIT.blockingViolations(browser, "/password-reset"));

        browser.type("#email", "not an address");
        browser.click("#reset-request-submit");
        browser.find("#email-error");
        violations.addAll(AccessibilityIT.blockingViolations(browser, "/password-reset with an error"));

        // An address nobody has gets the same answer, and no mail.
        browser.type("#email", "nobody-" + me.username() + "@example.com");
        browser.click("#reset-request-submit");
        String sameAnswer = browser.find("#reset-sent").getText();

        browser.open("/password-reset");
        browser.type("#email", email);
        browser.click("#reset-request-submit");
        assertThat(browser.find("#reset-sent").getText()).isEqualTo(sameAnswer);
        violations.addAll(AccessibilityIT.blockingViolations(browser, "reset sent"));

        assertThat(mail.waitForIncomingEmail(15_000, 1)).as("the mail arrived").isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as("one mail: none for the unknown address").hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(received[0]));
        assertThat(link.find()).as("the mail holds the link").isTrue();
        String path = "/password-reset/" + link.group(1);

        browser.open(path);
        browser.type("#password", NEW_PASSWORD);
        browser.type("#passwordConfirmation", NEW_PASSWORD + " but not quite");
        browser.click("#reset-submit");
        browser.find("#passwordConfirmation-error");
        violations.addAll(AccessibilityIT.blockingViolations(browser, "new password with an error"));
        browser.type("#password", NEW_PASSWORD);
        browser.type("#passwordConfirmation", NEW_PASSWORD);
        browser.click("#reset-submit");
        browser.find("#password-reset-done");
        violations.addAll(AccessibilityIT.blockingViolations(browser, "reset done"));

        assertThat(api.post("/api/auth/login", "{\"login\":\"" + me.username() + "\",\"password\":\""
                + TestUsers.PASSWORD + "\"}").status()).as("the old password").isEqualTo(401);
        browser.submitLogin(me.username(), NEW_PASSWORD);
        browser.waitForPath("/");
        assertThat(browser.script("return document.getElementById('nav-user').textContent;").toString())
                .contains(me.username());

        browser.open(path);
        browser.find("#reset-unusable");
        violations.addAll(AccessibilityIT.blockingViolations(browser, "used link"));
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();
        assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("Uncaught"));
    }
}
