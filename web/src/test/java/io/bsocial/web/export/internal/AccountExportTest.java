package io.bsocial.web.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export reads by keyset pages: with pages of 5, every row comes once and in order. */
@WebIntegrationTest
class AccountExportTest {

    @LocalServerPort
    int port;

    @Test
    void pagesThroughEveryListWithoutRepeatingOrSkipping(@Autowired ExportRows rows, @Autowired JsonMapper json,
            @Autowired Accounts accounts) {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "pager");
        LoggedIn other = TestUsers.create(api, "pagerpost");
        long target = TestUsers.post(api, other, "Comment here");
        TestUsers.follow(api, me, other);
        for (int i = 0; i < 12; i++) {
            TestUsers.post(api, me, "Post " + i);
            TestUsers.comment(api, me, target, "Comment " + i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new AccountExport(rows, json, Clock.systemUTC(), 5).write(accounts.account(me.id()).orElseThrow(), out);

        JsonNode document = json.readTree(out.toByteArray());
        List<String> posts = document.get("posts").valueStream().map(post -> post.get("content").asString()).toList();
        assertThat(posts).hasSize(12).first().isEqualTo("Post 11");
        assertThat(posts).doesNotHaveDuplicates().last().isEqualTo("Post 0");
        List<String> comments = document.get("comments").valueStream().map(c -> c.get("content").asString()).toList();
        assertThat(comments).hasSize(12).doesNotHaveDuplicates().startsWith("Comment 0", "Comment 1");
        assertThat(document.get("follows").size()).isEqualTo(1);
    }
}
