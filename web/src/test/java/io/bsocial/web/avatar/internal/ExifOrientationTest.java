package io.bsocial.web.avatar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    /** A JPEG's first bytes: its start, an APP0, an Exif APP1 segment with the orientation, then a scan. */
    static byte[] jpegWithOrientation(int orientation, boolean bigEndian) {
        byte[] tiff = bigEndian
                ? new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0}
                : new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0});
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 2});
        return out.toByteArray();
    }

    @Test
    void readsTheTagInEitherByteOrder() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(ExifOrientation.of(jpegWithOrientation(orientation, false))).isEqualTo(orientation);
            assertThat(ExifOrientation.of(jpegWithOrientation(orientation, true))).isEqualTo(orientation);
        }
    }

    @Test
    void anythingItCannotReadIsNormal() {
        byte[] good = jpegWithOrientation(6, false);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo(1);
        assertThat(ExifOrientation.of(jpegWithOrientation(9, false))).as("no such orientation").isEqualTo(1);
        for (int cut = 0; cut < good.length; cut++) {
            assertThat(ExifOrientation.of(Arrays.copyOf(good, cut))).as("cut at %d", cut).isIn(1, 6);
        }
        byte[] farOffset = good.clone();
        farOffset[8 + 4 + 6 + 7] = 0x7F; // IFD0's offset (its high byte) far beyond the segment
        assertThat(ExifOrientation.of(farOffset)).isEqualTo(1);
    }

    @Test
    void turnsTheSquareAsTheTagSays() {
        // 2×2: a b / c d
        BufferedImage square = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        square.setRGB(0, 0, 0xA);
        square.setRGB(1, 0, 0xB);
        square.setRGB(0, 1, 0xC);
        square.setRGB(1, 1, 0xD);

        assertThat(pixels(ExifOrientation.apply(square, 1))).containsExactly(0xA, 0xB, 0xC, 0xD);
        assertThat(pixels(ExifOrientation.apply(square, 2))).containsExactly(0xB, 0xA, 0xD, 0xC);
        assertThat(pixels(ExifOrientation.apply(square, 3))).containsExactly(0xD, 0xC, 0xB, 0xA);
        assertThat(pixels(ExifOrientation.apply(square, 4))).containsExactly(0xC, 0xD, 0xA, 0xB);
        assertThat(pixels(ExifOrientation.apply(square, 5))).containsExactly(0xA, 0xC, 0xB, 0xD);
        assertThat(pixels(ExifOrientation.apply(square, 6))).as("a quarter clockwise").containsExactly(0xC, 0xA, 0xD, 0xB);
        assertThat(pixels(ExifOrientation.apply(square, 7))).containsExactly(0xD, 0xB, 0xC, 0xA);
        assertThat(pixels(ExifOrientation.apply(square, 8))).as("a quarter anticlockwise").containsExactly(0xB, 0xD, 0xA, 0xC);
    }

    private static int[] pixels(BufferedImage image) {
        return new int[] {image.getRGB(0, 0) & 0xFFFFFF, image.getRGB(1, 0) & 0xFFFFFF, image.getRGB(0, 1) & 0xFFFFFF,
                image.getRGB(1, 1) & 0xFFFFFF};
    }
}
