package io.bsocial.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void aShortTextIsWholeOnOneLine() {
        assertThat(Excerpts.opening("  Hello,\n\n  world  ", 60)).isEqualTo("Hello, world");
    }

    @Test
    void aLongTextIsCutAtAWordWithAnEllipsis() {
        String opening = Excerpts.opening("The quick brown fox jumps over the lazy dog, again and again", 30);
        assertThat(opening).isEqualTo("The quick brown fox jumps…");
        assertThat(opening.codePointCount(0, opening.length())).isLessThanOrEqualTo(30);
        assertThat(Excerpts.opening("Commas, before, the, cut, are, dropped, here", 21)).isEqualTo("Commas, before, the…");
    }

    @Test
    void aLongWordIsCutInsideAndCodePointsStayWhole() {
        assertThat(Excerpts.opening("a" + "😀".repeat(40), 10)).isEqualTo("a" + "😀".repeat(8) + "…");
    }
}
