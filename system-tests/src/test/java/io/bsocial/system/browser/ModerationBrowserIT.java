package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Reporting and moderating as people do it, on a desktop (1280×900) and a phone (390×844): a reader
 * reports a post from its "⋯" menu (a report without a reason refused by its field, one sent
 * without network said to have failed, with the text kept, then sent); the moderator finds it under
 * Moderation (axe-core clean in both colour modes), a dismissal without network fails and says so,
 * then the content is deleted for everyone. A non-moderator has no Moderation link and no page.
 */
class ModerationBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aReaderReportsAPostAndAModeratorDeletesIt(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "modauthor");
        LoggedIn reader = TestUsers.create(api, "modreader");
        LoggedIn moderator = TestUsers.create(api, "modmod");
        TestUsers.follow(api, reader, author);
        long post = TestUsers.post(api, author, "Buy cheap engines at example.com " + screen);
        assertThat(api.send("POST", "/actuator/moderators/" + moderator.username(), null, null).status()).isEqualTo(200);
        String reason = "Spam, posted everywhere (" + screen + ")";

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        String card = "#post-" + post;
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card)));
        assertThat(browser.all(card + " .item-menu-toggle")).as("not the reader's to edit").isEmpty();
        browser.click(card + " .report-menu-toggle");
        browser.waitFor(d -> d.findElement(By.cssSelector(card + " .report-menu .dropdown-menu")).isDisplayed());
        browser.click(card + " .report-item");
        browser.waitFor(d -> d.findElement(By.id("report-dialog")).isDisplayed());
        browser.waitForText("#report-dialog-title", "Report this post");
        browser.waitFor(d -> "report-reason".equals(browser.focusedId()));

        browser.click("#report-send");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#report-form .invalid-feedback, #report-form .request-problem"))
                .isEmpty());
        browser.network(true, 0);
        browser.type("#report-reason", reason);
        browser.click("#report-send");
        browser.waitForText("#report-form .request-problem", "Couldn’t send the report — try again");
        assertThat(browser.value("#report-reason")).isEqualTo(reason);
        browser.network(false, 0);
        browser.click("#report-send");
        browser.waitForText("#report-sent", "the moderators will look at it");
        assertThat(browser.all("#nav-moderation")).as("a reader has no Moderation link").isEmpty();
        assertThat(api.get("/moderation", reader.auth()).status()).isEqualTo(403);
        browser.close();

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(moderator);
        if (screen == Screen.PHONE) {
            browser.click("button.navbar-toggler");
        }
        browser.click("#nav-moderation");
        browser.waitForPath("/moderation");
        String report = "//li[contains(@class,'report')][.//span[contains(@class,'report-reason')][text()='" + reason + "']]";
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath(report)));
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try {
            for (String scheme : List.of("dark", "light")) {
                browser.devTools("Emulation.setEmulatedMedia", Map.of("features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                List<String> found = AccessibilityIT.blockingViolations(browser, scheme + " /moderation");
                if (!found.isEmpty()) {
                    violations.put(scheme, found);
                }
            }
        } finally {
            browser.devTools("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", ""))));
        }
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();

        browser.network(true, 0);
        browser.click(By.xpath(report + "//button[contains(@class,'report-dismiss')]"));
        // A control outside a form says its failure at the foot of the screen; the report stays open.
        browser.waitForText("#request-messages .request-problem", "Couldn’t dismiss the report — try again");
        assertThat(browser.driver().findElements(By.xpath(report))).hasSize(1);
        browser.network(false, 0);

        browser.click(By.xpath(report + "//button[contains(@class,'report-delete')]"));
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
        browser.waitFor(d -> !d.findElements(By.cssSelector(".report-done")).isEmpty()
                && d.findElement(By.cssSelector(".report-done")).getText().startsWith("Content deleted"));
        assertThat(api.get("/api/posts/" + post, reader.auth()).status()).as("gone for everyone").isEqualTo(404);
        assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("Uncaught"));
    }

    /** The profile's Report button opens the same dialog for the account; a moderator suspends it from the queue. */
    @ParameterizedTest
    @EnumSource(Screen.class)
    void aReaderReportsAnAccountFromItsProfileAndAModeratorSuspendsIt(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn spammer = TestUsers.create(api, "modspammer");
        LoggedIn reader = TestUsers.create(api, "modreader");
        LoggedIn moderator = TestUsers.create(api, "modmod");
        assertThat(api.send("POST", "/actuator/moderators/" + moderator.username(), null, null).status()).isEqualTo(200);
        String reason = "Impersonates a friend (" + screen + ")";

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        browser.open("/users/" + spammer.username());
        browser.click("#report-user-button");
        browser.waitFor(d -> d.findElement(By.id("report-dialog")).isDisplayed());
        browser.waitForText("#report-dialog-title", "Report this account");
        browser.waitFor(d -> "report-reason".equals(browser.focusedId()));
        browser.type("#report-reason", reason);
        browser.click("#report-send");
        browser.waitForText("#report-sent", "the moderators will look at it");
        browser.close();

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(moderator);
        browser.open("/moderation");
        String report = "//li[contains(@class,'report')][.//span[contains(@class,'report-reason')][text()='" + reason + "']]";
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath(report)));
        assertThat(browser.driver().findElement(By.xpath(report)).getText()).contains("Account by").contains("@" + spammer.username());
        browser.click(By.xpath(report + "//button[contains(@class,'report-suspend')]"));
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
        browser.waitFor(d -> !d.findElements(By.cssSelector(".report-done")).isEmpty()
                && d.findElement(By.cssSelector(".report-done")).getText().startsWith("Account suspended"));
        assertThat(api.get("/api/users/" + spammer.username(), reader.auth()).status()).as("hidden from everyone").isEqualTo(404);
        assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("Uncaught"));
    }
}
