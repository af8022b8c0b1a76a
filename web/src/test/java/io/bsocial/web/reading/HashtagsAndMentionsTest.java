package io.bsocial.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bsocial.web.account.UserView;
import io.bsocial.web.reading.Links.Part;

/** The contract's hashtag and mention rules, and how a text's parts link them. */
class HashtagsAndMentionsTest {

    private final Links links = new Links();
    private static final UserView BOB = new UserView(7, "Bob", "Bob", "Builder", null, null);

    @Test
    void aTagIsAHashALetterThenLettersDigitsOrUnderscores() {
        assertThat(Hashtags.in("#Java and #java_17 and #2026 and #_x and # alone")).containsExactly("java", "java_17");
        assertThat(Hashtags.in("#café #東京 #Ｊａｖａ #ÉTÉ")).containsExactly("café", "東京", "java", "été");
    }

    @Test
    void notAfterALetterADigitOrAnAmpersand() {
        assertThat(Hashtags.in("C#sharp a1#b &#38; x&#tag (#ok) \"#fine\" end.#dot")).containsExactly("ok", "fine", "dot");
    }

    @Test
    void atMostFiftyCharactersOrItIsNoTagAtAll() {
        String fifty = "a".repeat(50);
        assertThat(Hashtags.in("#" + fifty)).containsExactly(fifty);
        assertThat(Hashtags.in("#" + fifty + "b")).isEmpty();
    }

    @Test
    void eachTagOnceInOrderOfFirstAppearance() {
        assertThat(Hashtags.in("#b #A #b #a #c")).containsExactly("b", "a", "c");
    }

    @Test
    void aUrlNamesATagItMayHoldOrNot() {
        assertThat(Hashtags.parse("Java")).contains("java");
        assertThat(Hashtags.parse("#Java")).contains("java");
        assertThat(Hashtags.parse("1java")).isEmpty();
        assertThat(Hashtags.parse("ja va")).isEmpty();
        assertThat(Hashtags.parse("")).isEmpty();
        assertThat(Hashtags.parse("a".repeat(51))).isEmpty();
    }

    @Test
    void mentionsAreNotInsideWordsOrAddresses() {
        assertThat(MentionNames.in("@bob hi @Ada_L, mail ada@example.com or x@bob and @al")).containsExactly("bob", "Ada_L");
        assertThat(MentionNames.in("thanks @bob. And @BOB again, @a.b.c!")).containsExactly("bob", "a.b.c");
        assertThat(MentionNames.in("@" + "x".repeat(31))).isEmpty();
    }

    @Test
    void partsLinkTagsAndTheMentionsOfKnownAccountsOnly() {
        assertThat(links.parts("hey @bob and @nobody, #Java!", List.of(BOB))).containsExactly(
                new Part("hey ", null, null),
                new Part("@bob", "/users/Bob", "mention"),
                new Part(" and @nobody, ", null, null),
                new Part("#Java", "/tags/java", "tag"),
                new Part("!", null, null));
    }

    @Test
    void aHashOrAtInsideAnAddressBelongsToTheAddress() {
        assertThat(links.parts("https://x.org/a#frag https://x.org/@bob #tag", List.of(BOB))).containsExactly(
                new Part("https://x.org/a#frag", "https://x.org/a#frag", "url"),
                new Part(" ", null, null),
                new Part("https://x.org/@bob", "https://x.org/@bob", "url"),
                new Part(" ", null, null),
                new Part("#tag", "/tags/tag", "tag"));
    }

    @Test
    void aTagInAnotherScriptIsEncodedInItsLink() {
        assertThat(links.parts("#東京", List.of())).containsExactly(new Part("#東京", "/tags/%E6%9D%B1%E4%BA%AC", "tag"));
    }
}
