package io.bsocial.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bsocial.web.reading.Links.Part;

/** Which parts of a text become links, and where each link ends. */
class LinksTest {

    private final Links links = new Links();

    @Test
    void httpAndHttpsAddressesBecomeLinksBetweenPlainText() {
        assertThat(links.parts("see https://example.com/a?b=1#c and http://x.org too")).containsExactly(
                plain("see "), link("https://example.com/a?b=1#c"), plain(" and "), link("http://x.org"),
                plain(" too"));
        assertThat(links.parts("HTTPS://EXAMPLE.COM")).containsExactly(link("HTTPS://EXAMPLE.COM"));
    }

    @Test
    void textWithoutAddressesIsOnePlainPart() {
        assertThat(links.parts("just words, www.example.com and example.com")).containsExactly(
                plain("just words, www.example.com and example.com"));
        assertThat(links.parts("")).isEmpty();
        assertThat(links.parts(null)).isEmpty();
    }

    @Test
    void otherSchemesAndAddressesWithoutAHostStayText() {
        for (String text : List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://example.com/file",
                "file:///etc/passwd", "https://", "http:///path-only", "mailto:a@example.com")) {
            assertThat(links.parts(text)).as(text).allSatisfy(part -> assertThat(part.href()).isNull());
        }
    }

    @Test
    void aJavascriptAddressCannotHideBehindAnHttpOne() {
        // The link is the http address alone; "javascript:" before it stays text.
        assertThat(links.parts("javascript:http://example.com")).containsExactly(
                plain("javascript:"), link("http://example.com"));
    }

    @Test
    void quotesAndAngleBracketsEndAnAddress() {
        assertThat(links.parts("http://example.com/\"onmouseover=\"alert(1)")).containsExactly(
                link("http://example.com/"), plain("\"onmouseover=\"alert(1)"));
        assertThat(links.parts("https://example.com/<script>alert(1)</script>")).containsExactly(
                link("https://example.com/"), plain("<script>alert(1)</script>"));
        assertThat(links.parts("https://example.com/'onclick='x")).containsExactly(
                link("https://example.com/"), plain("'onclick='x"));
    }

    @Test
    void trailingPunctuationBelongsToTheSentence() {
        assertThat(links.parts("Read https://example.com/post.")).containsExactly(
                plain("Read "), link("https://example.com/post"), plain("."));
        assertThat(links.parts("Really? https://example.com!")).containsExactly(
                plain("Really? "), link("https://example.com"), plain("!"));
        assertThat(links.parts("(see https://example.com/a)")).containsExactly(
                plain("(see "), link("https://example.com/a"), plain(")"));
        assertThat(links.parts("(see https://example.com/a).")).containsExactly(
                plain("(see "), link("https://example.com/a"), plain(")."));
        assertThat(links.parts("https://en.wikipedia.org/wiki/Bee_(disambiguation), ok")).containsExactly(
                link("https://en.wikipedia.org/wiki/Bee_(disambiguation)"), plain(", ok"));
    }

    @Test
    void theTextIsKeptWhole() {
        String text = "a https://x.org/1, b\nhttps://y.org/2) c https://z.org";
        assertThat(String.join("", links.parts(text).stream().map(Part::text).toList())).isEqualTo(text);
    }

    @Test
    void anAddressEndsBeforeABidiControl() {
        // Embeddings, overrides, isolates and the LRM, RLM and ALM marks: inside a link they would
        // reorder what the reader sees of the address (".../<RLO>gpj.exe" shows as ".../exe.jpg").
        for (String control : List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                "\u2068", "\u2069", "\u200E", "\u200F", "\u061C")) {
            String name = String.format("U+%04X", (int) control.charAt(0));
            assertThat(links.parts("get https://example.com/photos/" + control + "gpj.exe now")).as(name)
                    .containsExactly(plain("get "), link("https://example.com/photos/"), plain(control + "gpj.exe now"));
            assertThat(links.parts("https://example.com" + control + "/x")).as(name)
                    .containsExactly(link("https://example.com"), plain(control + "/x"));
        }
        assertThat(links.parts("\u2067https://example.com/a\u2069 in Arabic text")).containsExactly(
                plain("\u2067"), link("https://example.com/a"), plain("\u2069 in Arabic text"));
    }

    private static Part plain(String text) {
        return new Part(text, null, null);
    }

    private static Part link(String address) {
        return new Part(address, address, "url");
    }
}
