package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.FollowNotifications;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Notifications as a person uses them, on a desktop (1280×900) and on a phone (390×844): the bell
 * and its badge in the top bar at every width, the count in the tab's title and said to screen
 * readers, a notification that opens its comment even beyond the first page of comments, and the
 * notifications page. Runs on the {@link EndToEnd} system: its notifier process, no other.
 * Screenshots of each screen go to {@code target/screenshots/}.
 */
class NotificationPagesBrowserIT extends EndToEnd {


    @ParameterizedTest
    @EnumSource(Screen.class)
    void theBellAndItsBadgeStayInTheTopBarTheTitleCountsAndScreenReadersHearIt(Screen screen) {
        Discussion talk = Discussion.start(new ApiClient(port), "bell", "ringer", "Ring my bell");
        logIn(screen, talk.author());
        assertThat(browser.driver().getTitle()).isEqualTo("Feed · bSocial");
        assertThat(announced()).isEmpty();

        talk.comment("One");
        browser.waitForText("#notification-count", "1");
        browser.waitFor(d -> d.getTitle().equals("(1) Feed · bSocial"));
        assertThat(bell().getDomAttribute("aria-label")).isEqualTo("1 unread notification");
        assertThat(announced()).isEqualTo("1 unread notification");

        talk.comment("Two");
        browser.waitForText("#notification-count", "2");
        browser.waitFor(d -> d.getTitle().equals("(2) Feed · bSocial"));
        assertThat(bell().getDomAttribute("aria-label")).isEqualTo("2 unread notifications");
        assertThat(announced()).isEqualTo("2 unread notifications");

        // Visible in the top bar, on the brand's row, without opening the menu; the badge sits on the bell.
        assertBellInTopBar();
        if (screen == Screen.PHONE) {
            assertThat(browser.find(".navbar-toggler").isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("nav-feed")).isDisplayed()).as("menu collapsed").isFalse();
        } else {
            assertThat(browser.driver().findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isFalse();
            assertThat(browser.find("#nav-feed").isDisplayed()).isTrue();
        }
        browser.screenshot(screenshot("bell", screen));

        if (screen == Screen.PHONE) {
            // With the menu open the bell and its badge stay where they were.
            Map<String, Number> before = rect("#notification-bell");
            browser.click(".navbar-toggler");
            browser.waitFor(d -> browser.find("#nav-feed").isDisplayed());
            browser.waitFor(d -> !browser.driver().findElement(By.id("main-nav")).getDomAttribute("class").contains("collapsing"));
            assertThat(rect("#notification-bell")).isEqualTo(before);
            assertBellInTopBar();
            browser.click(".navbar-toggler");
            browser.waitFor(d -> !browser.driver().findElement(By.id("nav-feed")).isDisplayed());
        }

        // Its dropdown fits the screen; opening it reads what it shows.
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "commented: Two");
        browser.waitFor(d -> d.getTitle().equals("Feed · bSocial"));
        assertThat(announced()).isEqualTo("No unread notifications");
        assertThat(bell().getDomAttribute("aria-label")).isEqualTo("Notifications");
        browser.assertInsideViewport("#notification-list");
        browser.assertInsideViewport("#notification-see-all");
        assertNoHorizontalScroll();
        browser.screenshot(screenshot("bell-open", screen));
        assertThat(browser.find("#notification-see-all").getDomAttribute("href")).isEqualTo("/notifications");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aNotificationOpensItsCommentHighlightedEvenBeyondTheFirstPageOfComments(Screen screen) {
        Discussion talk = Discussion.start(new ApiClient(port), "landing", "talker", "Let us talk at length");
        List<Long> comments = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            comments.add(talk.comment("Remark number " + i));
        }
        long target = comments.get(22);
        logIn(screen, talk.author());
        browser.waitForText("#notification-count", "25");

        browser.click("#notification-bell");
        browser.click("#notification-list a[href*='comment=" + target + "#']");

        browser.waitForPath("/posts/" + talk.postId());
        assertThat(browser.path()).isEqualTo("/posts/" + talk.postId() + "?comment=" + target + "#comment-" + target);
        WebElement comment = browser.find("#comment-" + target);
        assertThat(comment.getText()).contains("Remark number 23");
        assertThat(comment.getDomAttribute("class")).contains("comment-target");
        browser.assertInsideViewport("#comment-" + target);
        assertThat(comment.getCssValue("background-color"))
                .as("highlighted").isNotEqualTo(browser.find("#comment-" + comments.get(23)).getCssValue("background-color"));
        assertThat(ids()).isEqualTo(comments.subList(22, 25));
        assertNoHorizontalScroll();
        browser.screenshot(screenshot("notification-landing", screen));

        // The comments before it are a click away, a page at a time, in order.
        browser.click(".load-earlier-button");
        browser.waitFor(d -> ids().size() == 23);
        browser.click(".load-earlier-button");
        browser.waitFor(d -> ids().size() == 25);
        assertThat(ids()).isEqualTo(comments);
        assertThat(browser.all(".load-earlier-button")).isEmpty();
        assertThat(browser.all(".comment-target")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theNotificationsPageListsNewestFirstPagesMarksUnreadAndMarksAllRead(Screen screen) throws Exception {
        Discussion talk = Discussion.start(new ApiClient(port), "listed", "lister", "Notice me");
        List<Long> comments = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            // An @name links to that profile in an entry, whether or not it is someone's.
            comments.add(talk.comment("Note " + i + (i % 5 == 0 ? ", cc @not_an_account." : "")));
        }
        comments.add(talk.comment("<img src=x onerror=alert(1)> sneaky"));
        logIn(screen, talk.author());
        browser.waitForText("#notification-count", "23");

        // The bell reads the ten it shows, then leads to the page with all of them.
        browser.click("#notification-bell");
        browser.waitFor(d -> "13".equals(bell().getDomAttribute("data-unread")));
        browser.click("#notification-see-all");
        browser.waitForPath("/notifications");
        browser.waitFor(d -> browser.find("#notifications-page").getDomAttribute("data-loaded") != null);
        browser.waitFor(d -> d.getTitle().equals("(13) Notifications · bSocial"));

        assertThat(browser.find("#notification-entries").getDomAttribute("data-drawn"))
                .as("the first page came with the HTML: web asked the notifier").isEqualTo("server");
        assertThat(entryCommentIds()).as("newest first, one page").isEqualTo(reversed(comments).subList(0, 20));
        assertThat(browser.find("#notification-entries .notification-entry").getText())
                .contains("commented: <img src=x onerror=alert(1)> sneaky");
        assertThat(browser.all("#notification-entries img")).isEmpty();
        assertThat(unreadCommentIds()).isEqualTo(reversed(comments).subList(10, 20));
        assertThat(browser.all("#notification-entries .notification-entry.unread .notification-unread-badge"))
                .hasSize(10).allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("Unread"));
        assertNoHorizontalScroll();
        browser.screenshot(screenshot("notifications-page", screen));

        browser.click("#load-older");
        browser.waitFor(d -> entryCommentIds().size() == 23);
        assertThat(entryCommentIds()).isEqualTo(reversed(comments));
        assertThat(unreadCommentIds()).isEqualTo(reversed(comments).subList(10, 23));
        browser.waitFor(d -> !browser.driver().findElement(By.id("load-older")).isDisplayed());

        browser.click("#mark-all-read");
        browser.waitFor(d -> browser.all("#notification-entries .notification-entry.unread").isEmpty());
        browser.waitFor(d -> d.getTitle().equals("Notifications · bSocial"));
        assertThat(browser.find("#mark-all-read").isEnabled()).isFalse();
        assertThat(bell().getDomAttribute("data-unread")).isEqualTo("0");
        assertThat(announced()).isEqualTo("No unread notifications");

        browser.open("/notifications");
        browser.waitFor(d -> browser.find("#notifications-page").getDomAttribute("data-loaded") != null);
        List<String> drawnByWeb = entriesAsDrawn();
        assertThat(browser.find("#notification-entries .notification-mention").getDomAttribute("href"))
                .isEqualTo("/users/not_an_account");
        // With web's line to the notifier cut, the page's script asks for the first page itself, and
        // draws the very entries web drew.
        webNetwork.close();
        try {
            browser.open("/notifications");
            browser.waitFor(d -> browser.find("#notifications-page").getDomAttribute("data-loaded") != null);
        } finally {
            webNetwork.open();
        }
        assertThat(browser.find("#notification-entries").getDomAttribute("data-drawn")).isNull();
        assertThat(entryCommentIds()).isEqualTo(reversed(comments).subList(0, 20));
        assertThat(browser.all("#notification-entries .notification-entry.unread")).isEmpty();
        assertThat(entriesAsDrawn()).hasSize(20).isEqualTo(drawnByWeb);

        // One arriving while the page is open joins the top, unread; following it reads it.
        long late = talk.comment("Late to the party");
        browser.waitFor(d -> !entryCommentIds().isEmpty() && entryCommentIds().get(0) == late);
        assertThat(unreadCommentIds()).containsExactly(late);
        browser.waitFor(d -> d.getTitle().equals("(1) Notifications · bSocial"));
        browser.click("#notification-entries .notification-entry.unread .notification-link");
        browser.waitForPath("/posts/" + talk.postId());
        browser.find("#comment-" + late);
        browser.waitFor(d -> "0".equals(bell().getDomAttribute("data-unread")));
    }

    private void logIn(Screen screen, LoggedIn who) {
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(who);
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isEqualTo(screen.width());
        browser.awaitLive();
    }

    /** Each entry's markup, its time's words (which change as it ages) left out. */
    @SuppressWarnings("unchecked")
    private List<String> entriesAsDrawn() {
        return (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('#notification-entries .notification-entry')).map(function (entry) {
                  const copy = entry.cloneNode(true);
                  copy.querySelectorAll('time').forEach(function (time) { time.textContent = ''; time.removeAttribute('title'); });
                  return copy.outerHTML.replace(/>\\s+</g, '><');
                });""");
    }

    private WebElement bell() {
        return browser.find("#notification-bell");
    }

    private String announced() {
        return browser.driver().findElement(By.id("notification-announcer")).getDomProperty("textContent");
    }

    private void assertBellInTopBar() {
        Map<String, Number> bell = rect("#notification-bell");
        Map<String, Number> brand = rect(".navbar-brand");
        Map<String, Number> badge = rect("#notification-count");
        assertThat(browser.find("#notification-count").isDisplayed()).isTrue();
        browser.assertInsideViewport("#notification-bell");
        browser.assertInsideViewport("#notification-count");
        double bellMiddle = (bell.get("top").doubleValue() + bell.get("bottom").doubleValue()) / 2;
        assertThat(bellMiddle).as("on the brand's row").isBetween(brand.get("top").doubleValue(), brand.get("bottom").doubleValue());
        assertThat(badge.get("left").doubleValue()).as("the badge on the bell").isLessThan(bell.get("right").doubleValue());
        assertThat(badge.get("right").doubleValue()).isGreaterThan(bell.get("left").doubleValue());
        assertThat(badge.get("top").doubleValue()).isLessThan(bell.get("bottom").doubleValue());
        assertThat(badge.get("bottom").doubleValue()).isGreaterThan(bell.get("top").doubleValue());
    }

    private void assertNoHorizontalScroll() {
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        Number clientWidth = (Number) browser.script("return document.documentElement.clientWidth;");
        assertThat(scrollWidth.intValue()).as("no horizontal overflow").isLessThanOrEqualTo(clientWidth.intValue());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> rect(String css) {
        return (Map<String, Number>) browser.script("const r = document.querySelector('" + css + "').getBoundingClientRect();"
                + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};");
    }

    private List<Long> ids() {
        return browser.all("#comments .comment").stream()
                .map(item -> Long.parseLong(item.getDomAttribute("data-comment-id"))).toList();
    }

    private List<Long> entryCommentIds() {
        return commentIds("#notification-entries .notification-entry .notification-link");
    }

    private List<Long> unreadCommentIds() {
        return commentIds("#notification-entries .notification-entry.unread .notification-link");
    }

    /** The comments the listed notifications lead to (the follow that made the post visible leads to a profile). */
    private List<Long> commentIds(String links) {
        return browser.all(links).stream().filter(link -> link.getDomAttribute("href").contains("comment=")).map(link -> {
            String href = link.getDomAttribute("href");
            return Long.parseLong(href.substring(href.indexOf("comment=") + "comment=".length(), href.indexOf('#')));
        }).toList();
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    private static Path screenshot(String name, Screen screen) {
        return Path.of("target", "screenshots", name + "-" + screen.label() + ".png");
    }

    /** A post's author, a follower who comments on it, and the post. */
    record Discussion(ApiClient api, LoggedIn author, LoggedIn reader, long postId) {

        static Discussion start(ApiClient api, String authorName, String readerName, String postText) {
            LoggedIn author = TestUsers.create(api, authorName);
            LoggedIn reader = TestUsers.create(api, readerName);
            TestUsers.follow(api, reader, author);
            FollowNotifications.readAll(NOTIFIER_PORT, author);
            return new Discussion(api, author, reader, TestUsers.post(api, author, postText));
        }

        long comment(String text) {
            ApiClient.Response created = api.post("/api/posts/" + postId + "/comments",
                    ApiClient.json(Map.of("content", text)), reader.auth());
            assertThat(created.status()).isEqualTo(201);
            return created.json().get("id").asLong();
        }
    }
}
