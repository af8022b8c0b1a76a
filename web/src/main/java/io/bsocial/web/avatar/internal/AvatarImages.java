package io.bsocial.web.avatar.internal;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.bsocial.web.support.ApiProblem;

/**
 * Turns an uploaded image into the stored avatar: a {@value #SIDE}×{@value #SIDE} square cut from
 * the middle, re-encoded from its decoded pixels, so nothing of the upload but its pixels survives
 * (no EXIF, no comments, no colour profiles, no trailing bytes).
 *
 * <p>Decompression bombs: the declared width and height are read from the header first (ImageIO's
 * readers parse only the header for {@code getWidth/getHeight}) and refused above
 * {@value #MAX_SIDE} pixels a side or {@value #MAX_PIXELS} pixels; then only the centred square is
 * decoded, subsampled so that it is at most about twice the avatar's side: memory stays bounded by
 * the avatar, not by the upload.
 *
 * <p>Output: JPEG (quality 0.88) for an opaque image, PNG when it has transparency. WebP cannot be
 * written by ImageIO; JPEG keeps a photo small (about 20 KB), PNG keeps transparent edges.
 * JPEG and WebP are read by the TwelveMonkeys plugins (CMYK and progressive JPEGs, lossy and lossless
 * WebP), PNG by the JDK. EXIF orientation is not applied: metadata is not read at all.
 */
@Component
class AvatarImages {

    static final int SIDE = 256;
    static final int MAX_SIDE = 8_000;
    static final long MAX_PIXELS = 40_000_000L;

    AvatarImages() {
        // The plugins may sit in a class loader ImageIO did not scan on its first use (a Boot jar).
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    /** The avatar made of {@code upload}, which claims to be {@code type}; 400 when it is not that. */
    EncodedAvatar reencode(byte[] upload, AvatarType type) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(input, type);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw undecodable(type);
                }
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw new ApiProblem(HttpStatus.BAD_REQUEST, "The image is " + width + " × " + height
                            + " pixels; at most " + MAX_SIDE + " a side and " + MAX_PIXELS / 1_000_000
                            + " megapixels are accepted.");
                }
                BufferedImage square = reader.read(0, squareParam(reader, width, height));
                int orientation = type == AvatarType.JPEG ? ExifOrientation.of(upload) : ExifOrientation.NORMAL;
                return encode(ExifOrientation.apply(scaled(square), orientation));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            // A truncated or corrupt image fails in the reader's own way: all of them are "not an image".
            throw new ApiProblem(HttpStatus.BAD_REQUEST, undecodable(type).getMessage(), e);
        }
    }

    /** A reader for the declared type that recognises the upload's first bytes as that type. */
    private static ImageReader readerFor(ImageInputStream input, AvatarType type) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getOriginatingProvider().canDecodeInput(input)) {
                return reader;
            }
            reader.dispose();
        }
        throw undecodable(type);
    }

    /** The centred square, subsampled to no less than the avatar's side. */
    private static ImageReadParam squareParam(ImageReader reader, int width, int height) {
        int side = Math.min(width, height);
        int step = Math.max(1, side / SIDE);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static BufferedImage scaled(BufferedImage square) {
        boolean alpha = square.getColorModel().hasAlpha();
        BufferedImage avatar = new BufferedImage(SIDE, SIDE, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = avatar.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(square, 0, 0, SIDE, SIDE, null);
        } finally {
            g.dispose();
        }
        return avatar;
    }

    private static EncodedAvatar encode(BufferedImage avatar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        if (avatar.getColorModel().hasAlpha()) {
            ImageIO.write(avatar, "png", bytes);
            return new EncodedAvatar(AvatarType.PNG, bytes.toByteArray());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(avatar, null, null), param);
        } finally {
            writer.dispose();
        }
        return new EncodedAvatar(AvatarType.JPEG, bytes.toByteArray());
    }

    private static ApiProblem undecodable(AvatarType type) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "The body is not a readable " + type.label() + " image.");
    }

    /** The stored image and its type. */
    record EncodedAvatar(AvatarType type, byte[] bytes) {
    }
}
