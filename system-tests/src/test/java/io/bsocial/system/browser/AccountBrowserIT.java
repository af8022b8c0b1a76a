package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;

/**
 * A person registers (and is logged in), sees their (empty) feed, logs out and in again, in a real
 * Chromium. On the {@link EndToEnd} system, whose web context the other browser tests share.
 */
class AccountBrowserIT extends EndToEnd {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.lease("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void registerLogInSeeTheEmptyFeedAndLogOut() {
        String username = TestUsers.uniqueUsername("sel");

        browser.open("/");
        browser.click("#landing-register");
        browser.waitForPath("/register");

        // A first attempt with a mistake shows the error next to the field and keeps the input.
        browser.type("#firstName", "Selena");
        browser.type("#lastName", "Nium");
        browser.type("#username", username);
        browser.type("#email", username + "@example.com");
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", "something else");
        browser.click("#register-submit");
        browser.waitForText(".invalid-feedback", "Passwords do not match.");
        assertThat(browser.find("#username").getDomProperty("value")).isEqualTo(username);

        // The passwords stayed in their fields: only the confirmation needs putting right.
        assertThat(browser.find("#password").getDomProperty("value")).isEqualTo(TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        // Registered is logged in, on the (empty) feed.
        browser.waitForPath("/");
        assertThat(browser.find("#flash").getText()).contains("Welcome to bSocial, Selena");
        assertThat(browser.find("#nav-user").getText()).isEqualTo("Selena Nium");
        assertThat(browser.find("#empty-feed").getText()).contains("Nothing here yet");

        browser.click("#logout");
        browser.waitForPath("/login");
        assertThat(browser.find("#logged-out").getText()).contains("logged out");
        browser.open("/");
        // Logged out, / is the landing page again; its Log in leads back in.
        browser.find("#landing-page");
        browser.click("#landing-login");
        browser.waitForPath("/login");

        browser.type("#login", username + "@example.com");
        browser.type("#password", TestUsers.PASSWORD);
        browser.click("#login-submit");
        browser.waitForPath("/");
        assertThat(browser.find("#nav-user").getText()).isEqualTo("Selena Nium");
    }

    @Test
    void aWrongPasswordSaysSoWithoutTellingWhichPartWasWrong() {
        browser.open("/login");
        browser.type("#login", "nobody_" + TestUsers.uniqueUsername("x"));
        browser.type("#password", "whatever it is");
        browser.click("#login-submit");
        browser.waitForText("#login-error", "Invalid login or password.");
    }
}
