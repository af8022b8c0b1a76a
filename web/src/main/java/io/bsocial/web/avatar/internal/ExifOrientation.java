package io.bsocial.web.avatar.internal;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation tag (TIFF tag 0x0112) of a JPEG, and turning a square image the way it says.
 * The parse walks the JPEG's segments up to the first scan and reads IFD0 of an {@code Exif} APP1
 * segment, every offset checked against the segment's bounds: whatever it cannot read is
 * {@link #NORMAL}, never an error (the pixels decide whether the upload is an image).
 */
final class ExifOrientation {

    /** As stored: no turn. */
    static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;

    private ExifOrientation() {
    }

    /** The orientation (1 to 8) that the JPEG's EXIF gives, or {@link #NORMAL}. */
    static int of(byte[] jpeg) {
        try {
            if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
                return NORMAL;
            }
            int i = 2;
            while (i + 4 <= jpeg.length) {
                if (u8(jpeg, i) != 0xFF) {
                    return NORMAL;
                }
                int marker = u8(jpeg, i + 1);
                if (marker == 0xFF) { // fill byte before a marker
                    i++;
                    continue;
                }
                if (marker == 0xDA || marker == 0xD9) { // the image data starts (or ends): no EXIF before it
                    return NORMAL;
                }
                int end = i + 2 + u16(jpeg, i + 2, true);
                if (end > jpeg.length || end < i + 4) {
                    return NORMAL;
                }
                int data = i + 4;
                if (marker == 0xE1 && end - data >= 14 && exifHeader(jpeg, data)) {
                    return tiffOrientation(jpeg, data + 6, end);
                }
                i = end;
            }
            return NORMAL;
        } catch (RuntimeException unreadable) {
            return NORMAL;
        }
    }

    /**
     * The square turned as the orientation says (EXIF: 2 mirrored, 3 turned half a turn, 4 flipped,
     * 5 transposed, 6 turned a quarter clockwise, 7 transversed, 8 a quarter anticlockwise).
     */
    static BufferedImage apply(BufferedImage square, int orientation) {
        if (orientation == NORMAL || orientation < 1 || orientation > 8) {
            return square;
        }
        int n = square.getWidth();
        int m = n - 1;
        BufferedImage turned = new BufferedImage(n, n, square.getType());
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int rgb = switch (orientation) {
                    case 2 -> square.getRGB(m - x, y);
                    case 3 -> square.getRGB(m - x, m - y);
                    case 4 -> square.getRGB(x, m - y);
                    case 5 -> square.getRGB(y, x);
                    case 6 -> square.getRGB(y, m - x);
                    case 7 -> square.getRGB(m - y, m - x);
                    default -> square.getRGB(m - y, x); // 8
                };
                turned.setRGB(x, y, rgb);
            }
        }
        return turned;
    }

    private static boolean exifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        long offset = u32(b, tiff + 4, bigEndian);
        if (offset < 8 || offset > end - tiff - 2) {
            return NORMAL;
        }
        int ifd = tiff + (int) offset;
        int entries = u16(b, ifd, bigEndian);
        for (int k = 0; k < entries; k++) {
            int entry = ifd + 2 + 12 * k;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, bigEndian);
                return u16(b, entry + 2, bigEndian) == SHORT && value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (u8(b, at) << 8) | u8(b, at + 1) : (u8(b, at + 1) << 8) | u8(b, at);
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long high = u16(b, bigEndian ? at : at + 2, bigEndian);
        long low = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return (high << 16) | low;
    }
}
