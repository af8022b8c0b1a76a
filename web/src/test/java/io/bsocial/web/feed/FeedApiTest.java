package io.bsocial.web.feed;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

@WebIntegrationTest
class FeedApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn reader;
    LoggedIn writer;

    @BeforeEach
    void users() {
        api = new ApiClient(port);
        reader = TestUsers.create(api, "reader");
        writer = TestUsers.create(api, "writer");
        TestUsers.follow(api, reader, writer);
    }

    @Test
    void pagesNewestFirstWithCursorsAndNextLinks() {
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posted.add(TestUsers.post(api, i % 3 == 0 ? reader : writer, "post " + i));
        }
        List<Long> newestFirst = reversed(posted);

        Response first = api.get("/api/feed?limit=5", reader.auth());
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).isEqualTo(newestFirst.subList(0, 5));
        String next = first.json().get("nextCursor").asString();
        assertThat(first.header("Link")).endsWith("; rel=\"next\"").contains("cursor=" + next).contains("limit=5");

        Response second = api.get("/api/feed?limit=5&cursor=" + next, reader.auth());
        assertThat(ids(second)).isEqualTo(newestFirst.subList(5, 10));

        Response last = api.get("/api/feed?limit=5&cursor=" + second.json().get("nextCursor").asString(), reader.auth());
        assertThat(ids(last)).isEqualTo(newestFirst.subList(10, 12));
        assertThat(last.json().get("nextCursor").isNull()).isTrue();
        assertThat(last.header("Link")).isNull();
        assertThat(last.json().has("nextCursor")).isTrue();
    }

    @Test
    void theDefaultLimitIs20() {
        for (int i = 0; i < 21; i++) {
            TestUsers.post(api, writer, "p" + i);
        }
        Response page = api.get("/api/feed", reader.auth());
        assertThat(page.json().get("items")).hasSize(20);
        assertThat(page.json().get("nextCursor").isString()).isTrue();
    }

    @Test
    void postsWithTheSameTimestampArePagedByIdWithoutLossOrRepeat() {
        Instant same = Instant.parse("2026-06-01T12:00:00.123456Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO posts (author_id, content, created_at) VALUES (?, ?, ?)")
                    .params(writer.id(), "tie " + i, same.atOffset(ZoneOffset.UTC))
                    .update(keys, "id");
            ids.add(keys.getKeyAs(Number.class).longValue());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = "";
        do {
            Response page = api.get("/api/feed?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), reader.auth());
            seen.addAll(ids(page));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(seen).isEqualTo(reversed(ids));
    }

    @Test
    void postsCreatedWhilePagingNeverMakeALaterPageRepeatOrSkip() throws Exception {
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            existing.add(TestUsers.post(api, writer, "existing " + i));
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (LoggedIn author : List.of(writer, reader)) {
            writers.add(pool.submit(() -> {
                int n = 0;
                while (paging.get()) {
                    TestUsers.post(api, author, "meanwhile " + n++);
                }
            }));
        }
        List<JsonNode> seen = new ArrayList<>();
        Response page = api.get("/api/feed?limit=4", reader.auth());
        page.json().get("items").forEach(seen::add);
        while (!page.json().get("nextCursor").isNull()) {
            page = api.get("/api/feed?limit=4&cursor=" + page.json().get("nextCursor").asString(), reader.auth());
            page.json().get("items").forEach(seen::add);
        }
        paging.set(false);
        for (Future<?> future : writers) {
            future.get();
        }
        pool.shutdown();

        // Keyset paging: strictly ordered by (createdAt, id) newest first, so nothing repeats,
        // and every post that existed before paging started is there, in order.
        List<Long> ids = seen.stream().map(p -> p.get("id").asLong()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(ids).containsSubsequence(reversed(existing));
    }

    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator
            .comparing((JsonNode p) -> Instant.parse(p.get("createdAt").asString()))
            .thenComparing(p -> p.get("id").asLong()).reversed();

    @Test
    void badLimitsAndCursorsAnswer400() {
        for (String query : List.of("limit=0", "limit=101", "limit=-5", "limit=ten", "limit=1.5",
                "cursor=garbage!!", "cursor=" + base64("1:abc:5"), "cursor=" + base64("9:1:1"), "cursor=%00")) {
            assertProblem(api.get("/api/feed?" + query, reader.auth()), 400);
        }
        assertThat(api.get("/api/feed?limit=100", reader.auth()).status()).isEqualTo(200);
        assertProblem(api.get("/api/feed"), 401);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Long> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().map(p -> p.get("id").asLong()).toList();
    }
}
