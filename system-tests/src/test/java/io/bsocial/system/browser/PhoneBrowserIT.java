package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * On a phone (390×844) and a desktop (1280×900): with the text at 200 % (Chromium's default font
 * size doubled, as a phone's system text size does) nothing overlaps and nothing scrolls sideways;
 * on the phone every control is at least 44×44 CSS pixels; the new-posts pill is in view at the
 * top of the screen wherever the reader is; going offline is said until the network is back.
 */
class PhoneBrowserIT extends EndToEnd {

    private static final String PAGES_CHECKED = "feed, post, profile, people, notifications";

    @ParameterizedTest
    @EnumSource(Screen.class)
    void atTwiceTheTextSizeNothingOverlapsOrScrollsSideways(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "bigtextauthor");
        LoggedIn reader = TestUsers.create(api, "bigtextreader");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, "Read at twice the size");
        TestUsers.comment(api, reader, postId, "Still readable");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        browser.devTools("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 32, "fixed", 26)));

        List<String> problems = new ArrayList<>();
        for (String page : List.of("/", "/posts/" + postId, "/users/" + author.username(), "/people", "/notifications")) {
            browser.open(page);
            browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")));
            Number sideways = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (sideways.intValue() > 0) {
                problems.add(page + " scrolls sideways by " + sideways + " px, past the right edge: " + browser.script(
                        "const width = document.documentElement.clientWidth;"
                        + " return Array.from(document.querySelectorAll('body *')).filter(e => e.getClientRects().length"
                        + " && e.getBoundingClientRect().right > width + 1).slice(0, 6).map(e => (e.id || e.className"
                        + " || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');"));
            }
            @SuppressWarnings("unchecked")
            List<String> overlaps = (List<String>) browser.script(OVERLAPS);
            overlaps.forEach(overlap -> problems.add(page + ": " + overlap));
            // On the phone the top bar keeps to one row: the brand, the bell and the menu button side by side.
            Number barHeight = (Number) browser.script("const bar = document.querySelector('nav.navbar > .container');"
                    + " const brand = bar.querySelector('.navbar-brand').getBoundingClientRect();"
                    + " const bell = document.getElementById('notification-bell').getBoundingClientRect();"
                    + " return Math.abs(brand.top + brand.height / 2 - (bell.top + bell.height / 2));");
            if (screen == Screen.PHONE && barHeight.doubleValue() > 4) {
                problems.add(page + ": the top bar wraps (brand and bell not on one row)");
            }
        }
        assertThat(problems).as("at 200%% text on %s (%s)", screen, PAGES_CHECKED).isEmpty();
    }

    /**
     * Pairs of visible elements in an item's or a profile's header whose boxes overlap: the
     * author, the time, "edited", the menu, the follow button, the name.
     */
    private static final String OVERLAPS = """
            const found = [];
            const groups = document.querySelectorAll('.item-header, .profile-header');
            groups.forEach(group => {
              const parts = Array.from(group.querySelectorAll(
                  '.author, time, .edited, .item-menu-toggle, .follow-toggle, h1, .with-avatar'))
                .filter(e => e.getClientRects().length > 0);
              for (let i = 0; i < parts.length; i++) {
                for (let j = i + 1; j < parts.length; j++) {
                  if (parts[i].contains(parts[j]) || parts[j].contains(parts[i])) continue;
                  const a = parts[i].getBoundingClientRect(), b = parts[j].getBoundingClientRect();
                  const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
                  if (overlap) found.push((parts[i].className || parts[i].tagName) + ' overlaps '
                      + (parts[j].className || parts[j].tagName));
                }
              }
            });
            return found;""";

    @ParameterizedTest
    @EnumSource(Screen.class)
    void onAPhoneEveryControlIsAThumbWide(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "thumbauthor");
        LoggedIn reader = TestUsers.create(api, "thumbreader");
        TestUsers.follow(api, reader, author);
        long own = TestUsers.post(api, reader, "My own, with a menu");
        TestUsers.post(api, author, "Someone else's");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        int least = screen == Screen.PHONE ? 44 : 24; // WCAG 2.2's minimum everywhere, 44 on a phone
        List<String> small = new ArrayList<>();
        for (String page : List.of("/", "/posts/" + own, "/users/" + author.username(), "/people")) {
            browser.open(page);
            if (screen == Screen.PHONE) {
                browser.click("button.navbar-toggler");
                browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("logout")).isDisplayed());
            }
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) browser.script("""
                    const least = arguments[0];
                    return Array.from(document.querySelectorAll(
                        'button, .btn, a.nav-link, .dropdown-item, .bell, .author, .comment-count, .item-meta > a,'
                        + ' input:not([type=hidden]), textarea'))
                      .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
                          && !e.closest('.dropdown-menu:not(.show)') && !e.closest('.visually-hidden-focusable'))
                      .map(e => [e, e.getBoundingClientRect()])
                      .filter(([e, r]) => r.width < least - 0.5 || r.height < least - 0.5)
                      .map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + Math.round(r.width) + 'x'
                          + Math.round(r.height));""", least);
            found.forEach(target -> small.add(page + ": " + target));
        }
        assertThat(small).as("controls under %d×%d px at %s", least, least, screen).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theNewPostsPillIsInViewAtTheTopWhereverTheReaderIs(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "pillauthor");
        LoggedIn reader = TestUsers.create(api, "pillreader");
        TestUsers.follow(api, reader, author);
        for (int i = 1; i <= 12; i++) {
            TestUsers.post(api, author, "Older post " + i);
        }
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInLive(reader);
        browser.waitFor(d -> "true".equals(
                d.findElement(org.openqa.selenium.By.id("new-posts")).getDomAttribute("data-feed-live")));
        browser.script("window.scrollTo(0, document.body.scrollHeight / 2);");
        TestUsers.post(api, author, "Fresh one");
        browser.waitForLiveText("#new-posts-button", "1 new post");
        browser.assertInsideViewport("#new-posts-button");
        Number top = (Number) browser.script("return document.getElementById('new-posts-button').getBoundingClientRect().top;");
        assertThat(top.doubleValue()).as("at the top of the screen").isLessThan(40);
        // It covers no author's name: it is centred, between the brand and the bell.
        browser.script("window.scrollTo(0, 0);");
        browser.assertInsideViewport("#new-posts-button");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void goingOfflineIsSaidUntilTheNetworkIsBack(Screen screen) {
        LoggedIn reader = TestUsers.create(new ApiClient(port), "offline");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        assertThat(browser.all("#offline-banner")).isEmpty();

        browser.network(true, 0);
        browser.waitForText("#offline-banner", "You’re offline.");
        assertThat(browser.find("#offline-banner").getDomAttribute("role")).isEqualTo("status");
        browser.assertInsideViewport("#offline-banner");

        browser.network(false, 0);
        browser.waitFor(d -> browser.all("#offline-banner").isEmpty());
    }
}
