package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.web.reading.Avatars;
import io.bsocial.web.reading.Excerpts;
import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Reading bSocial, on a desktop (1280×900) and on a phone (390×844): the landing page a visitor
 * sees, links in posts and comments that work and stay harmless, post pages titled by their
 * opening words, one avatar per person on every page and in the bell (drawn by the browser by the
 * server's rule), and Insights that names posts and charts the same days. Each test starts logged
 * out. Screenshots go to {@code target/screenshots/}.
 */
class ReadingBrowserIT extends EndToEnd {

    private final Avatars avatars = new Avatars();
    private Browser leased;

    @AfterEach
    void closeBrowser() {
        if (leased != null) {
            leased.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aVisitorSeesWhatBSocialIsAndTheTwoWaysIn(Screen screen) {
        Browser browser = loggedOut(screen);
        browser.open("/");
        browser.find("#landing-page");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.driver().getTitle()).startsWith("bSocial");
        assertThat(browser.find("#landing-page h1").getText()).isEqualTo("bSocial");
        assertThat(browser.find("#landing-page .lead").getText()).contains("social network");
        assertThat(browser.all("#login")).as("not a bare login form").isEmpty();
        // Both ways in are visible without scrolling, and the page fits the screen's width.
        assertThat(browser.find("#landing-register").getText()).isEqualTo("Create account");
        assertThat(browser.find("#landing-login").getText()).isEqualTo("Log in");
        browser.assertInsideViewport("#landing-register");
        browser.assertInsideViewport("#landing-login");
        assertNoHorizontalScroll(browser);
        browser.screenshot(screenshot("landing", screen));

        browser.click("#landing-register");
        browser.waitForPath("/register");
        browser.find("#firstName");
        browser.open("/");
        browser.click("#landing-login");
        browser.waitForPath("/login");
        LoggedIn someone = TestUsers.create(new ApiClient(port), "visitor");
        browser.type("#login", someone.username());
        browser.type("#password", TestUsers.PASSWORD);
        browser.click("#login-submit");
        browser.waitForPath("/");
        browser.find("#feed-page");
        assertThat(browser.all("#landing-page")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void linksInPostsAndCommentsWorkStayHarmlessAndThePostIsTitledByItsOpeningWords(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "writer");
        LoggedIn reader = TestUsers.create(api, "follower");
        TestUsers.follow(api, reader, author);
        String profile = "http://localhost:" + port + "/users/" + author.username();
        String content = "My profile is at " + profile + ". Not javascript:window.xssRan=1 nor "
                + "https://example.com/\"onmouseover=\"window.xssRan=2 nor http://example.com/<img src=x onerror=window.xssRan=3>"
                + " (or https://example.com/a_(b))";
        long postId = TestUsers.post(api, author, content);
        String people = "http://localhost:" + port + "/people";
        api.post("/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("content", "Find more at " + people + ", really")), reader.auth());

        Browser browser = logIn(screen, reader);
        WebElement post = browser.find("#post-" + postId + " .post-content");
        assertThat(post.getText()).isEqualTo(content);
        List<WebElement> links = post.findElements(By.cssSelector("a"));
        assertThat(links).extracting(WebElement::getText).containsExactly(profile, "https://example.com/",
                "http://example.com/", "https://example.com/a_(b)");
        assertThat(links).allSatisfy(link -> {
            assertThat(link.getDomAttribute("href")).isEqualTo(link.getText());
            assertThat(link.getDomAttribute("rel")).isEqualTo("nofollow noopener ugc");
        });
        assertHarmless(browser);
        browser.screenshot(screenshot("links", screen));

        // The post's page is titled by its opening words; its comment's link works too.
        browser.open("/posts/" + postId);
        browser.find("#comments .comment");
        assertThat(browser.driver().getTitle())
                .isEqualTo("\u201c" + Excerpts.opening(content, Excerpts.TITLE_LENGTH) + "\u201d \u00b7 Test on bSocial")
                .startsWith("\u201cMy profile is at http://localhost:");
        WebElement commentLink = browser.find("#comments .comment-content a");
        assertThat(commentLink.getText()).isEqualTo(people);
        assertThat(browser.find("#comments .comment-content").getText()).isEqualTo("Find more at " + people + ", really");
        assertHarmless(browser);

        browser.click("#post-" + postId + " .post-content a[href='" + profile + "']");
        browser.waitForPath("/users/" + author.username());
        browser.find("#profile-page");
        browser.open("/posts/" + postId);
        browser.click("#comments .comment-content a");
        browser.waitForPath("/people");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void everyoneHasOneAvatarEverywhereAndTheBellDrawsItByTheServersRule(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = create(api, "élodie", "Ng", "avatar_author");
        LoggedIn reader = create(api, "Ruth", "Okafor", "avatar_reader");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, "Look at our faces");

        Browser browser = logIn(screen, author);
        // The browser's rule is the server's, for every colour of the palette and beyond.
        List<String> server = LongStream.rangeClosed(1, 3L * Avatars.PALETTE_SIZE).mapToObj(avatars::colour).toList();
        assertThat(browser.script("return Array.from({length: " + 3 * Avatars.PALETTE_SIZE
                + "}, (_, i) => window.bsocial.avatars.colour(i + 1));")).isEqualTo(server);
        assertThat(browser.script("return window.bsocial.avatars.initials({firstName: '\u00e9lodie', lastName: '\u00fcnal'});"))
                .isEqualTo(avatars.initials("\u00e9lodie", "\u00fcnal"));

        // The author: the same in the navbar and on their post, on the feed and on the post's page.
        Avatar mine = avatar(browser, "#main-nav .avatar");
        assertThat(mine).isEqualTo(new Avatar("\u00c9N", mine.background(), mine.colour()));
        assertThat(avatar(browser, "#post-" + postId + " .author .avatar")).isEqualTo(mine);
        assertReadable(mine);

        ApiClient.Response comment = api.post("/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("content", "Nice faces")), reader.auth());
        assertThat(comment.status()).isEqualTo(201);
        long commentId = comment.json().get("id").asLong();
        // The reader's follow and comment both reach the author's bell (closed: its text is in the DOM only).
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
                "return document.getElementById('notification-list').textContent.includes('commented: Nice faces');")));

        browser.open("/posts/" + postId);
        Avatar theirs = avatar(browser, "#comment-" + commentId + " .avatar");
        assertThat(theirs.initials()).isEqualTo("RO");
        assertThat(theirs.background()).isNotEqualTo(mine.background());
        assertReadable(theirs);
        assertThat(avatar(browser, "#post-" + postId + " .author .avatar")).isEqualTo(mine);
        assertThat(avatar(browser, "#main-nav .avatar")).isEqualTo(mine);

        // The bell draws the commenter's avatar from the notifier's JSON: the same as the server's.
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
                "return document.getElementById('notification-list').textContent.includes('commented: Nice faces');")));
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "commented: Nice faces");
        assertThat(avatar(browser, "#notification-list .notification-item .avatar")).isEqualTo(theirs);
        browser.screenshot(screenshot("bell-avatar", screen));

        browser.open("/notifications");
        browser.waitFor(d -> browser.find("#notifications-page").getDomAttribute("data-loaded") != null);
        assertThat(avatar(browser, "#notification-entries .notification-entry .avatar")).isEqualTo(theirs);

        browser.open("/people?q=" + reader.username());
        assertThat(avatar(browser, "#people-results .person .avatar")).isEqualTo(theirs);
        browser.open("/users/" + reader.username());
        assertThat(avatar(browser, "#profile-page .avatar")).isEqualTo(theirs);
        browser.open("/users/" + author.username());
        assertThat(avatar(browser, "#profile-page .avatar")).isEqualTo(mine);
        assertNoHorizontalScroll(browser);
        browser.screenshot(screenshot("profile-avatar", screen));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void insightsNamePostsByTheirOpeningWordsOverTheSameDaysWithTablesForScreenReaders(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "insightful");
        LoggedIn reader = TestUsers.create(api, "talkative");
        TestUsers.follow(api, reader, author);
        String content = "Chartered waters: a post that people talk about " + screen.label() + ", at some length";
        long postId = TestUsers.post(api, author, content);
        // Enough comments to be among today's ten most commented posts of the whole test run.
        for (int i = 0; i < 40; i++) {
            assertThat(api.post("/api/posts/" + postId + "/comments",
                    ApiClient.json(Map.of("content", "Talk " + i)), reader.auth()).status()).isEqualTo(201);
        }
        String named = "\u201c" + Excerpts.opening(content, 80) + "\u201d";

        Browser browser = logIn(screen, author);
        // The indexer catches up within seconds: reload until today's list names the post.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            browser.open("/insights");
            browser.waitFor(x -> browser.find("#insights-page").getDomAttribute("data-loaded") != null);
            return !browser.all("#top-posts-list a[href='/posts/" + postId + "']").isEmpty();
        });
        WebElement link = browser.find("#top-posts-list a[href='/posts/" + postId + "']");
        assertThat(link.getText()).isEqualTo(named);
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH));
        assertThat(browser.find("#top-posts-list .top-posts-day").getText()).startsWith(today + ": ");
        assertThat(browser.find("#insights-page").getText()).doesNotContainPattern("(?i)post #\\d");
        assertThat(browser.find("#my-top a").getText()).isEqualTo(Excerpts.opening(content, 80));

        // Both charts: the same days, read like "Nov 29", ending today.
        @SuppressWarnings("unchecked")
        List<String> logins = (List<String>) browser.script("return Chart.getChart('logins-chart').data.labels;");
        @SuppressWarnings("unchecked")
        List<String> topPosts = (List<String>) browser.script("return Chart.getChart('top-posts-chart').data.labels;");
        assertThat(logins).isEqualTo(topPosts).hasSizeBetween(10, 11).last().isEqualTo(today);
        assertThat(logins).allSatisfy(label -> assertThat(label).matches("[A-Z][a-z]{2} \\d{1,2}"));

        // Each chart has a table twin: hidden from sight, there for screen readers, with the same days.
        for (String table : List.of("#logins-table", "#top-posts-table")) {
            WebElement element = browser.driver().findElement(By.cssSelector(table));
            WebElement hider = element.findElement(By.xpath(".."));
            assertThat(hider.getDomAttribute("class")).contains("visually-hidden");
            assertThat(hider.getRect().getWidth()).as(table + " hidden from sight").isLessThanOrEqualTo(1);
            assertThat(element.findElement(By.tagName("caption")).getDomProperty("textContent")).isNotBlank();
            assertThat(element.findElements(By.cssSelector("tbody th[scope=row]")))
                    .extracting(th -> th.getDomProperty("textContent")).isEqualTo(logins);
        }
        for (String canvas : List.of("#logins-chart", "#top-posts-chart")) {
            assertThat(browser.find(canvas).getDomAttribute("aria-hidden")).isEqualTo("true");
        }
        Object todaysLogins = browser.script("const rows = document.querySelectorAll('#logins-table tbody tr');"
                + " return rows[rows.length - 1].querySelector('td').textContent;");
        assertThat(Long.parseLong((String) todaysLogins)).isPositive();
        assertNoHorizontalScroll(browser);
        browser.screenshot(screenshot("insights", screen));
    }

    /** Nothing from user text ran, and no link in it goes anywhere but http(s) or carries anything but these attributes. */
    private static void assertHarmless(Browser browser) {
        assertThat(browser.script("return window.xssRan === undefined;")).isEqualTo(true);
        assertThat(browser.all(".user-content img, .user-content script")).isEmpty();
        assertThat(browser.all(".user-content a")).isNotEmpty().allSatisfy(link -> {
            assertThat(link.getDomAttribute("href")).matches("https?://.+");
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) ((JavascriptExecutor) browser.driver())
                    .executeScript("return arguments[0].getAttributeNames();", link);
            assertThat(names).containsExactlyInAnyOrder("href", "class", "rel");
        });
    }

    record Avatar(String initials, String background, String colour) {
    }

    private static Avatar avatar(Browser browser, String css) {
        WebElement element = browser.waitFor(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
        return new Avatar(element.getDomProperty("textContent"), element.getCssValue("background-color"),
                element.getCssValue("color"));
    }

    /** WCAG AA: the initials' colour against the avatar's, as the browser computed them. */
    private static void assertReadable(Avatar avatar) {
        assertThat(contrast(avatar.background(), avatar.colour())).as(avatar.toString()).isGreaterThanOrEqualTo(4.5);
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String rgb) {
        Matcher matcher = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
        assertThat(matcher.find()).as(rgb).isTrue();
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(matcher.group(i + 1)) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    /** A browser of the screen's size, with no session: the visitor of the landing page. */
    private Browser loggedOut(Screen screen) {
        leased = Browser.lease("http://localhost:" + port, screen);
        return leased;
    }

    private Browser logIn(Screen screen, LoggedIn who) {
        Browser browser = loggedOut(screen);
        browser.logInAs(who);
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isEqualTo(screen.width());
        browser.awaitLive();
        return browser;
    }

    /** A user with these names (TestUsers gives everyone "Test User …"). */
    private static LoggedIn create(ApiClient api, String firstName, String lastName, String prefix) {
        String username = TestUsers.uniqueUsername(prefix);
        Map<String, Object> registration = new LinkedHashMap<>(TestUsers.registration(username));
        registration.put("firstName", firstName);
        registration.put("lastName", lastName);
        ApiClient.Response registered = api.post("/api/auth/register", ApiClient.json(registration));
        assertThat(registered.status()).isEqualTo(201);
        ApiClient.Response login = api.post("/api/auth/login",
                ApiClient.json(Map.of("login", username, "password", TestUsers.PASSWORD)));
        assertThat(login.status()).isEqualTo(200);
        return new LoggedIn(registered.json().get("id").asLong(), username, login.json().get("token").asString());
    }

    private static void assertNoHorizontalScroll(Browser browser) {
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        Number clientWidth = (Number) browser.script("return document.documentElement.clientWidth;");
        Object wide = browser.script("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');");
        assertThat(scrollWidth.intValue()).as("no horizontal overflow: " + wide).isLessThanOrEqualTo(clientWidth.intValue());
    }

    private static Path screenshot(String name, Screen screen) {
        return Path.of("target", "screenshots", "reading-" + name + "-" + screen.label() + ".png");
    }
}
