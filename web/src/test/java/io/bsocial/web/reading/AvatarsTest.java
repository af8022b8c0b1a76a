package io.bsocial.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The avatar's rule, and the palette as the stylesheet and the bell's script have it: as many
 * colours as the server picks from, each readable under white initials (WCAG AA, 4.5:1).
 * ReadingBrowserIT checks that the browser's rule gives the same colour as the server's.
 */
class AvatarsTest {

    private final Avatars avatars = new Avatars();

    @Test
    void theColourDependsOnTheIdAloneAndUsesTheWholePalette() {
        assertThat(avatars.colour(42)).isEqualTo(avatars.colour(42)).isEqualTo("avatar-colour-6");
        Set<String> used = new HashSet<>();
        for (long id = 1; id <= 100; id++) {
            used.add(avatars.colour(id));
        }
        assertThat(used).hasSize(Avatars.PALETTE_SIZE);
    }

    @Test
    void initialsAreTheFirstCharacterOfEachNameInUpperCase() {
        assertThat(avatars.initials("Ada", "Lovelace")).isEqualTo("AL");
        assertThat(avatars.initials("élodie", "  ünal")).isEqualTo("ÉÜ");
        assertThat(avatars.initials("😀bob", "Lee")).isEqualTo("😀L");
        assertThat(avatars.initials("Cher", "")).isEqualTo("C");
    }

    @Test
    void everyColourOfThePaletteHasAaContrastWithTheWhiteInitials() throws IOException {
        String css = resource("/static/css/bsocial.css");
        Matcher text = Pattern.compile("\\.avatar \\{[^}]*\\bcolor: (#[0-9a-fA-F]{3,6});").matcher(css);
        assertThat(text.find()).isTrue();
        Map<Integer, String> palette = new TreeMap<>();
        Matcher colours = Pattern.compile("\\.avatar-colour-(\\d+) \\{ background-color: (#[0-9a-fA-F]{6}); \\}")
                .matcher(css);
        while (colours.find()) {
            palette.put(Integer.parseInt(colours.group(1)), colours.group(2));
        }
        assertThat(palette.keySet()).hasSize(Avatars.PALETTE_SIZE)
                .allSatisfy(index -> assertThat(index).isBetween(0, Avatars.PALETTE_SIZE - 1));
        palette.forEach((index, colour) -> assertThat(contrast(colour, text.group(1)))
                .as("avatar-colour-" + index + " " + colour).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void theBellsScriptUsesAPaletteOfTheSameSize() throws IOException {
        String script = resource("/static/js/avatars.js");
        assertThat(script).contains("const PALETTE_SIZE = " + Avatars.PALETTE_SIZE + ";");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = AvatarsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** WCAG 2 contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String full = hex.length() == 4
                ? "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3)
                : hex;
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(full.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
