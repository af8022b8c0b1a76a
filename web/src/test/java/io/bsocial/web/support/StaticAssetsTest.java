package io.bsocial.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Static files under content-hashed names, kept by browsers for a year; text compressed; pages,
 * which hold private data, never stored. Real HTTP: the container compresses.
 */
@WebAppTest
class StaticAssetsTest {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:css|js|images|webjars)/[^\"]+)\"");
    private static final Pattern HASHED = Pattern.compile(".+-[0-9a-f]{32}\\.(?:css|js|svg)");

    @LocalServerPort
    int port;

    private List<String> linkedFiles(ApiClient.Response page) {
        List<String> files = new ArrayList<>();
        Matcher matcher = LINKED.matcher(page.body());
        while (matcher.find()) {
            files.add(matcher.group(1));
        }
        return files;
    }

    @Test
    void everyFileAPageLinksHasAHashedNameAndIsKeptForAYear() {
        ApiClient http = new ApiClient(port);
        LoggedIn member = TestUsers.create(http, "assets");
        List<String> files = new ArrayList<>(linkedFiles(http.get("/login")));
        files.addAll(linkedFiles(http.get("/", member.auth())));
        files.addAll(linkedFiles(http.get("/insights", member.auth())));
        assertThat(files).contains("/webjars/bootstrap/5.3.8/css/bootstrap.min-" + hashOf(files, "bootstrap.min") + ".css")
                .anyMatch(file -> file.startsWith("/js/theme-")).anyMatch(file -> file.startsWith("/webjars/chart.js/"));
        for (String file : files) {
            assertThat(file).as("a hashed name").matches(HASHED);
            ApiClient.Response answer = http.get(file);
            assertThat(answer.status()).as(file).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(file).isEqualTo("max-age=31536000, public, immutable");
            assertThat(answer.header("Set-Cookie")).as("%s needs no session", file).isNull();
        }
    }

    private static String hashOf(List<String> files, String name) {
        return files.stream().filter(file -> file.contains(name)).findFirst()
                .map(file -> file.replaceAll(".*-([0-9a-f]{32})\\..*", "$1")).orElse("none");
    }

    @Test
    void aChangedFileIsANewNameAndAWrongHashIsNoFile() {
        ApiClient http = new ApiClient(port);
        String css = linkedFiles(http.get("/login")).stream().filter(file -> file.startsWith("/css/")).findFirst().orElseThrow();
        String wrong = css.replaceAll("-[0-9a-f]{32}\\.css$", "-" + "0".repeat(32) + ".css");
        assertThat(http.get(wrong).status()).isEqualTo(404);
        assertThat(http.get("/css/no-such-file.css").status()).isEqualTo(404);
    }

    @Test
    void textIsCompressedAndPagesAreNeverStored() {
        ApiClient http = new ApiClient(port);
        LoggedIn member = TestUsers.create(http, "gzip");
        List<String> files = linkedFiles(http.get("/login"));
        String bootstrap = files.stream().filter(file -> file.contains("bootstrap.min")).findFirst().orElseThrow();
        ApiClient.Response css = http.get(bootstrap, "Accept-Encoding", "gzip");
        assertThat(css.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(Long.parseLong(css.header("Content-Length") == null ? "0" : css.header("Content-Length")))
                .as("compressed, when the length is said").isLessThan(60_000);

        ApiClient.Response feed = http.get("/", "Accept-Encoding", "gzip", member.auth()[0], member.auth()[1]);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(feed.header("Cache-Control")).contains("no-store");
        assertThat(http.get("/api/me", member.auth()).header("Cache-Control")).contains("no-store");
    }
}
