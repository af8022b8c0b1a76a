package io.bsocial.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * The pages as HTML: links in posts and comments (and nothing else) are clickable and escaped, the
 * post page is titled with the post's opening words, a person's avatar is the same on every page,
 * and a visitor who is not logged in gets the landing page. ReadingBrowserIT shows the same in
 * Chromium.
 */
@WebIntegrationTest
class ReadingPagesTest {

    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\" class=\"user-link\" rel=\"([^\"]*)\">([^<]*)</a>");
    private static final Pattern AVATAR = Pattern.compile("<span ([^>]*\\bdata-user-id=\"\\d+\"[^>]*)>([^<]*)</span>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    @Test
    void addressesInPostsAndCommentsAreLinksAndNothingElseIs() {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "linker");
        LoggedIn reader = TestUsers.create(api, "clicker");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, """
                Read https://example.com/a?b=1&c=2. Not javascript:alert(1), nor JAVASCRIPT:alert(2),
                nor http://evil.example/"onmouseover="alert(3) nor https://evil.example/<script>alert(4)</script>
                nor data:text/html,<b>x</b> (see http://example.org/wiki/Bee_(film))""");
        api.post("/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("content", "Same as https://example.net/x, I think")), reader.auth());

        for (String page : List.of("/", "/posts/" + postId, "/users/" + author.username())) {
            String html = api.get(page, reader.auth()).body();
            List<String[]> links = links(html);
            assertThat(links).as(page).extracting(link -> link[0]).contains(
                    "https://example.com/a?b=1&amp;c=2", "http://evil.example/", "https://evil.example/",
                    "http://example.org/wiki/Bee_(film)");
            assertThat(links).as(page).allSatisfy(link -> {
                assertThat(link[0]).startsWith("http");
                assertThat(link[1]).isEqualTo("nofollow noopener ugc");
                assertThat(link[2]).as("the link says where it goes").isEqualTo(link[0]);
            });
            assertThat(html).as(page)
                    .doesNotContain("href=\"javascript").doesNotContain("href=\"JAVASCRIPT").doesNotContain("href=\"data:")
                    .doesNotContain("<script>alert").doesNotContain("<b>x</b>").doesNotContain("onmouseover=\"")
                    .contains("&quot;onmouseover=&quot;alert(3)").contains("&lt;script&gt;alert(4)&lt;/script&gt;")
                    // the sentence's full stop and the closing bracket stay outside the links
                    .contains("c=2</a>. Not javascript:alert(1)").contains("Bee_(film)</a>)");
        }
        String discussion = api.get("/posts/" + postId, reader.auth()).body();
        assertThat(links(discussion)).extracting(link -> link[0]).contains("https://example.net/x");
        assertThat(discussion).contains("https://example.net/x</a>, I think");
    }

    @Test
    void thePostPageIsTitledWithThePostsOpeningWords() {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "titled");
        long longPost = TestUsers.post(api, author,
                "Opening words matter:\nthe rest of this rather long post never makes it into the title at all");
        long hostile = TestUsers.post(api, author, "<script>alert(1)</script> & more");

        assertThat(title(api.get("/posts/" + longPost, author.auth()).body()))
                .isEqualTo("“Opening words matter: the rest of this rather long post…” · Test on bSocial");
        assertThat(title(api.get("/posts/" + hostile, author.auth()).body()))
                .isEqualTo("“&lt;script&gt;alert(1)&lt;/script&gt; &amp; more” · Test on bSocial");
    }

    @Test
    void aPersonsAvatarIsTheSameOnEveryPage() {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "face");
        LoggedIn reader = TestUsers.create(api, "looker");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, "Look at me");
        api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", "Looking")), reader.auth());
        Avatars avatars = new Avatars();

        List<String> pages = List.of("/", "/posts/" + postId, "/users/" + author.username(),
                "/people?q=" + author.username(), "/people?q=" + reader.username());
        List<String[]> seen = new ArrayList<>();
        for (String page : pages) {
            String html = api.get(page, reader.auth()).body();
            List<String[]> found = avatars(html);
            assertThat(found).as(page + ": the navbar's avatar of the reader")
                    .anySatisfy(avatar -> assertThat(avatar[1]).isEqualTo(String.valueOf(reader.id())));
            seen.addAll(found);
        }
        assertThat(seen).extracting(avatar -> avatar[1]).contains(String.valueOf(author.id()));
        assertThat(seen).filteredOn(avatar -> avatar[1].equals(String.valueOf(reader.id())))
                .hasSizeGreaterThanOrEqualTo(pages.size() + 2); // navbar ×5, the comment, the people row
        assertThat(seen).allSatisfy(avatar -> {
            long id = Long.parseLong(avatar[1]);
            assertThat(avatar[0]).as("colour of " + id).startsWith(avatars.colour(id));
            assertThat(avatar[2]).isEqualTo("TU");
        });
        assertThat(avatars.colour(author.id())).isNotEqualTo(avatars.colour(reader.id()));
    }

    @Test
    void aVisitorWhoIsNotLoggedInGetsTheLandingPage() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response landing = api.get("/", "Accept", "text/html");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("id=\"landing-page\"", "A small social network")
                .containsPattern("<a [^>]*id=\"landing-register\" href=\"/register\">Create account</a>")
                .containsPattern("<a [^>]*id=\"landing-login\" href=\"/login\">Log in</a>")
                .doesNotContain("compose-content").doesNotContain("notification-bell");

        // Every other page still wants a login first, and comes back to it afterwards.
        ApiClient.Response people = api.get("/people", "Accept", "text/html");
        assertThat(people.status()).isEqualTo(302);
        assertThat(people.header("Location")).endsWith("/login");
        // Logged in, / is the feed.
        LoggedIn someone = TestUsers.create(api, "lander");
        assertThat(api.get("/", someone.auth()).body()).contains("compose-content").doesNotContain("landing-page");
    }

    private static List<String[]> links(String html) {
        List<String[]> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            links.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3)});
        }
        return links;
    }

    private static List<String[]> avatars(String html) {
        List<String[]> found = new ArrayList<>();
        Matcher matcher = AVATAR.matcher(html);
        while (matcher.find()) {
            Map<String, String> attributes = new java.util.HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(matcher.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            assertThat(attributes).containsEntry("aria-hidden", "true");
            assertThat(attributes.get("class")).startsWith("avatar ");
            found.add(new String[] {attributes.get("class").substring("avatar ".length()), attributes.get("data-user-id"),
                    matcher.group(2)});
        }
        assertThat(found).as(html).isNotEmpty();
        return found;
    }

    private static String title(String html) {
        Matcher matcher = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
