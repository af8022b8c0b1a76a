package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Dark mode, on a desktop (1280×900) and a phone (390×844): the page follows the system's colour
 * scheme until the person chooses one, which this device remembers; axe-core finds no serious
 * violation (contrast included) in either mode, signed in or out.
 */
class DarkModeBrowserIT extends EndToEnd {

    private void systemScheme(String scheme) {
        browser.devTools("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private String theme() {
        return (String) browser.script("return document.documentElement.getAttribute('data-bs-theme');");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theSystemsSchemeIsFollowedUntilThePersonChooses(Screen screen) {
        LoggedIn member = TestUsers.create(new ApiClient(port), "darkchooser");
        browser = Browser.lease("http://localhost:" + port, screen);
        try {
            systemScheme("dark");
            browser.open("/login");
            assertThat(theme()).isEqualTo("dark");
            assertThat(browser.find("#theme-auto").getDomAttribute("aria-pressed")).isEqualTo("true");
            // The page itself is dark, not only the attribute.
            assertThat(browser.script("return getComputedStyle(document.body).backgroundColor;"))
                    .isEqualTo("rgb(33, 37, 41)");
            systemScheme("light");
            browser.waitFor(d -> "light".equals(theme()));

            browser.logInAs(member);
            if (screen == Screen.PHONE) {
                browser.click("button.navbar-toggler");
                browser.waitFor(d -> d.findElement(By.id("theme-dark")).isDisplayed());
            }
            browser.click("#theme-dark");
            assertThat(theme()).isEqualTo("dark");
            assertThat(browser.find("#theme-dark").getDomAttribute("aria-pressed")).isEqualTo("true");
            assertThat(browser.find("#theme-auto").getDomAttribute("aria-pressed")).isEqualTo("false");

            // Remembered on this device, across pages and whatever the system says.
            browser.open("/people");
            assertThat(theme()).isEqualTo("dark");
            systemScheme("light");
            browser.open("/");
            assertThat(theme()).isEqualTo("dark");
            if (screen == Screen.PHONE) {
                browser.click("button.navbar-toggler");
                browser.waitFor(d -> d.findElement(By.id("theme-auto")).isDisplayed());
            }
            browser.click("#theme-auto");
            assertThat(theme()).isEqualTo("light");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            systemScheme("");
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void bothModesPassAxe(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "darkauthor");
        LoggedIn reader = TestUsers.create(api, "darkreader");
        TestUsers.follow(api, reader, author);
        // Every control of the conversation: links, a tag, a mention, a reply, a liked heart.
        long post = TestUsers.post(api, author, "Seen at night: https://example.com/night #nightsky @" + reader.username());
        long comment = TestUsers.comment(api, reader, post, "Easy on the eyes");
        assertThat(api.post("/api/posts/" + post + "/comments", ApiClient.json(Map.of("content", "Glad you like it",
                "parentId", comment)), author.auth()).status()).isEqualTo(201);
        assertThat(api.send("PUT", "/api/posts/" + post + "/like", null, null, reader.auth()).status()).isEqualTo(200);
        browser = Browser.lease("http://localhost:" + port, screen);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try {
            for (String scheme : List.of("dark", "light")) {
                systemScheme(scheme);
                for (String page : List.of("/", "/login", "/register")) {
                    browser.open(page);
                    assertThat(theme()).isEqualTo(scheme);
                    record(scheme + " " + page + " (signed out)", violations);
                }
            }
            browser.logInAs(reader);
            for (String scheme : List.of("dark", "light")) {
                systemScheme(scheme);
                for (String page : List.of("/", "/posts/" + post, "/users/" + author.username(), "/people",
                        "/notifications", "/insights", "/tags/nightsky", "/users/" + author.username() + "/followers")) {
                    browser.open(page);
                    assertThat(theme()).isEqualTo(scheme);
                    record(scheme + " " + page, violations);
                }
                // The reply box open under the thread.
                browser.open("/posts/" + post);
                browser.click("#comment-" + comment + " .reply-button");
                browser.find("#reply-content-" + comment);
                record(scheme + " reply box", violations);
            }
        } finally {
            systemScheme("");
        }
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();
    }

    private void record(String page, Map<String, List<String>> violations) {
        List<String> found = AccessibilityIT.blockingViolations(browser, page);
        if (!found.isEmpty()) {
            violations.put(page, found);
        }
    }
}
