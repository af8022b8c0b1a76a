package io.bsocial.web.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * A notification links to its comment ({@code /posts/{id}?comment={cid}#comment-{cid}}): the post's
 * page opens its comments at that one, highlighted, with "Load earlier comments" above it and
 * "Load more comments" below, both keyset-paged. A comment id that is not this post's opens the
 * post as usual, and says nothing about that comment.
 */
@WebIntegrationTest
class CommentLandingPagesTest {

    private static final Pattern COMMENT_ID = Pattern.compile("<li class=\"list-group-item comment[^\"]*\" id=\"comment-(\\d+)\"");
    private static final Pattern EARLIER = Pattern.compile("hx-get=\"(/posts/\\d+/comments/earlier\\?cursor=[^\"]+)\"");

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn author;
    LoggedIn reader;
    long postId;
    List<Long> comments;

    @BeforeEach
    void aLongDiscussion() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "lauthor");
        reader = TestUsers.create(api, "lreader");
        TestUsers.follow(api, reader, author);
        postId = TestUsers.post(api, author, "Tell me everything");
        comments = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            comments.add(comment(i % 3 == 0 ? author : reader, postId, "comment number " + i));
        }
    }

    @Test
    void aLinkToACommentBeyondTheFirstPageOpensTheListAtItHighlightedWithEarlierOnesALoadAway() {
        long target = comments.get(30);
        String page = page("/posts/" + postId + "?comment=" + target, author);

        assertThat(ids(page)).as("from the comment on, oldest first").isEqualTo(comments.subList(30, 45));
        assertThat(page).containsPattern("<li class=\"list-group-item comment comment-target\" id=\"comment-" + target + "\"");
        assertThat(page).containsOnlyOnce("comment-target");
        assertThat(page).doesNotContain("Load more comments");

        // "Load earlier comments" walks back a page at a time, each oldest first, until the first comment.
        List<Long> earlier = new ArrayList<>();
        String fragment = page;
        List<String> pages = new ArrayList<>();
        Matcher more;
        while ((more = EARLIER.matcher(fragment)).find()) {
            fragment = page(more.group(1).replace("&amp;", "&"), author);
            pages.add(fragment);
            List<Long> shown = ids(fragment);
            earlier.addAll(0, shown);
        }
        assertThat(pages).hasSize(2);
        assertThat(ids(pages.get(0))).isEqualTo(comments.subList(10, 30));
        assertThat(earlier).isEqualTo(comments.subList(0, 30));
        assertThat(pages.get(1)).doesNotContain("Load earlier comments");
    }

    @Test
    void aLinkToAnEarlyCommentShowsAFullPageThenLoadMore() {
        long target = comments.get(3);
        String page = page("/posts/" + postId + "?comment=" + target, reader);

        assertThat(ids(page)).isEqualTo(comments.subList(3, 23));
        assertThat(page).contains("Load more comments").contains("Load earlier comments");
        assertThat(ids(page("/posts/" + postId + "?comment=" + comments.get(0), reader)))
                .isEqualTo(comments.subList(0, 20));
        assertThat(page("/posts/" + postId + "?comment=" + comments.get(0), reader))
                .as("nothing before the first comment").doesNotContain("Load earlier comments");
    }

    @Test
    void aCommentOfAnotherPostOpensThePostAsUsualAndLeaksNothing() {
        LoggedIn stranger = TestUsers.create(api, "lstranger");
        long hiddenPost = TestUsers.post(api, stranger, "Only for my followers");
        long hidden = comment(stranger, hiddenPost, "a secret the reader may not see");
        long otherVisiblePost = TestUsers.post(api, author, "Another post of the author");
        long elsewhere = comment(reader, otherVisiblePost, "a comment on the other post");

        String usual = page("/posts/" + postId, reader);
        for (long foreign : new long[] {hidden, elsewhere, Long.MAX_VALUE, -1}) {
            String page = page("/posts/" + postId + "?comment=" + foreign, reader);
            assertThat(ids(page)).as("comment %d", foreign).isEqualTo(comments.subList(0, 20)).isEqualTo(ids(usual));
            assertThat(page).doesNotContain("comment-target").doesNotContain("Load earlier comments")
                    .doesNotContain("a secret").doesNotContain("the other post").doesNotContain("comment-" + foreign + "\"");
        }
        assertThat(api.get("/posts/" + hiddenPost + "?comment=" + hidden, reader.auth()).status())
                .as("the post itself stays invisible").isEqualTo(404);
        assertThat(api.get("/posts/" + postId + "?comment=abc", reader.auth()).status()).isEqualTo(400);
        assertThat(api.get("/posts/" + postId + "/comments/earlier?cursor=zzz", reader.auth()).status()).isEqualTo(400);
        assertThat(api.get("/posts/" + hiddenPost + "/comments/earlier?cursor=", reader.auth()).status()).isEqualTo(404);
    }

    private long comment(LoggedIn who, long post, String text) {
        ApiClient.Response created = api.post("/api/posts/" + post + "/comments",
                ApiClient.json(Map.of("content", text)), who.auth());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private String page(String path, LoggedIn viewer) {
        ApiClient.Response response = api.get(path, viewer.auth());
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = COMMENT_ID.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
