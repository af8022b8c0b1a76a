package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Every page, logged out and logged in, on a desktop and on a phone, analysed by axe-core (Deque's
 * engine, run in the real Chromium against WCAG 2.0–2.2 A and AA rules): no serious or critical
 * violation. Beside the engine, what it cannot judge alone: one {@code h1} per page, a skip link
 * that a keyboard reaches first and that moves focus to the content, and the current page marked
 * in the navbar.
 */
class AccessibilityIT extends EndToEnd {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    /** axe-core on the open page, against WCAG 2.0–2.2 A and AA: its serious and critical violations. */
    /**
     * The page's colour mode follows the system's as theme.js sets it (the media change reaches it
     * as an event, after the emulation returned), and no CSS transition or finite animation runs
     * (reading a computed style first starts any pending one).
     */
    private static final String SETTLED = """
            var chosen = null;
            try { chosen = localStorage.getItem('bsocial-theme'); } catch (e) {}
            var expected = chosen === 'light' || chosen === 'dark' ? chosen
                : (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
            if (document.documentElement.getAttribute('data-bs-theme') !== expected) return false;
            getComputedStyle(document.body).color;
            return document.getAnimations().every(a => a.playState !== 'running'
                || a.effect == null || a.effect.getComputedTiming().iterations === Infinity);""";

    static List<String> blockingViolations(Browser browser, String page) {
        browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")));
        // Colours mid-switch (the mode attribute not yet flipped, a transition running) are neither
        // scheme's: axe reads what is painted, so it waits until the page has settled.
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script(SETTLED)));
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe ran on %s: %s", page, results.getErrorMessage()).isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                found.add(rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")));
            }
        }
        return found;
    }


    @ParameterizedTest
    @EnumSource(Screen.class)
    void everyPageAVisitorSeesPassesAxe(Screen screen) {
        browser = Browser.lease("http://localhost:" + port, screen);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String page : List.of("/", "/login", "/register", "/no-such-page")) {
            browser.open(page);
            check(page, violations);
        }
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void everyPageAMemberSeesPassesAxe(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "axeauthor");
        LoggedIn reader = TestUsers.create(api, "axereader");
        TestUsers.follow(api, reader, author);
        TestUsers.follow(api, author, reader);
        long post = TestUsers.post(api, author, "Accessible by default: https://www.w3.org/WAI/ is worth a read.");
        TestUsers.post(api, reader, "A post of the reader's own");
        ApiClient.Response comment = api.post("/api/posts/" + post + "/comments",
                ApiClient.json(Map.of("content", "Thanks, reading it now")), reader.auth());
        assertThat(comment.status()).isEqualTo(201);

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(author);
        // The reader's follow and comment are in: the bell and the notifications page have something to show.
        browser.waitForText("#notification-count", "2");

        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String page : List.of("/", "/posts/" + post, "/users/" + author.username(),
                "/users/" + reader.username(), "/people", "/notifications", "/insights", "/no-such-page")) {
            browser.open(page);
            check(page, violations);
        }
        // The bell's open list is part of every page too.
        browser.open("/");
        browser.click("#notification-bell");
        browser.waitFor(d -> d.findElement(By.id("notification-list")).isDisplayed());
        check("/ (bell open)", violations);
        // One's own items: the Edit / Delete menu open, a post being edited, the delete confirmation.
        browser.open("/posts/" + post);
        browser.click("#post-menu-" + post);
        browser.waitFor(d -> d.findElement(By.cssSelector("#post-" + post + " .dropdown-menu")).isDisplayed());
        check("/posts/" + post + " (menu open)", violations);
        browser.click("#post-" + post + " .edit-item");
        browser.find("#post-edit-content-" + post);
        check("/posts/" + post + " (editing)", violations);
        browser.open("/");
        browser.click("#post-menu-" + post);
        browser.click("#post-" + post + " .delete-item");
        browser.waitFor(d -> d.findElement(By.id("delete-dialog")).isDisplayed()
                && "delete-cancel".equals(browser.script("return document.activeElement.id;")));
        check("/ (delete dialog)", violations);
        if (screen == Screen.PHONE) {
            // On a phone the links live in the collapsed menu: check them opened too.
            browser.open("/");
            browser.click("button.navbar-toggler");
            browser.waitFor(d -> d.findElement(By.id("logout")).isDisplayed());
            check("/ (menu open)", violations);
        }
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();

        assertCurrentPage("/", "nav-feed");
        assertCurrentPage("/people", "nav-people");
        assertCurrentPage("/insights", "nav-insights");
        assertCurrentPage("/users/" + author.username(), "nav-user");
        browser.open("/users/" + reader.username());
        assertThat(browser.all("#main-nav [aria-current]")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aKeyboardSkipsTheNavbar(Screen screen) {
        LoggedIn member = TestUsers.create(new ApiClient(port), "keyboard");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(member);
        browser.open("/people");

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement first = browser.driver().switchTo().activeElement();
        assertThat(first.getDomAttribute("id")).isEqualTo("skip-link");
        assertThat(first.isDisplayed()).as("the skip link shows once focused").isTrue();

        first.sendKeys(Keys.ENTER);
        browser.waitFor(d -> "content".equals(d.switchTo().activeElement().getDomAttribute("id")));
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement next = browser.driver().switchTo().activeElement();
        assertThat(browser.find("#content").findElements(By.xpath(".//*")))
                .as("the next Tab lands inside the content, past the navbar").contains(next);
    }

    /** Runs axe on the open page; adds its blocking violations, and a page without exactly one h1. */
    private void check(String page, Map<String, List<String>> violations) {
        List<String> found = new ArrayList<>(blockingViolations(browser, page));
        int headings = browser.all("h1").size();
        if (headings != 1) {
            found.add(headings + " h1 elements, not one");
        }
        if (browser.all("a#skip-link[href='#content']").isEmpty() || browser.all("#content").isEmpty()) {
            found.add("no skip link to #content");
        }
        if (!found.isEmpty()) {
            violations.put(page, found);
        }
    }

    private void assertCurrentPage(String path, String linkId) {
        browser.open(path);
        List<WebElement> current = browser.all("#main-nav [aria-current='page']");
        assertThat(current).as("the navbar marks %s as the current page", path).hasSize(1);
        assertThat(current.get(0).getDomAttribute("id")).isEqualTo(linkId);
    }
}
