package io.bsocial.web.avatar;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * {@code PUT/DELETE /api/me/avatar} and {@code GET /api/users/{username}/avatar} against the running
 * server: real images in (made here with ImageIO, a WebP as bytes), a square re-encoded image out
 * with nothing of the upload's metadata, and every refusal as a problem document.
 */
@WebIntegrationTest
class AvatarApiTest {

    /** A 1×1 lossy WebP (VP8) and a 1×1 lossless one (VP8L), as browsers' feature tests use. */
    private static final byte[] WEBP_LOSSY = Base64.getDecoder()
            .decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    private static final byte[] WEBP_LOSSLESS = Base64.getDecoder()
            .decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn me;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        me = TestUsers.create(api, "avatar");
    }

    @Test
    void aPngBecomesASquareOfTheFixedSizeAndTheUserCarriesItsUrl() throws IOException {
        Response uploaded = upload(me, "image/png", BodyPublishers.ofByteArray(image(640, 400, "png", false)));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        String url = uploaded.json().get("avatarUrl").asString();
        assertThat(url).startsWith("/api/users/" + me.username() + "/avatar?v=");
        assertThat(api.get("/api/me", me.auth()).json().get("avatarUrl").asString()).isEqualTo(url);
        assertThat(api.get("/api/users/" + me.username(), me.auth()).json().get("avatarUrl").asString()).isEqualTo(url);

        HttpResponse<byte[]> served = get(url, me);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("public").contains("max-age=31536000").contains("immutable"));
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertSquare(served);
    }

    @Test
    void aJpegLosesItsCommentAndExifAndAWebpIsRead() throws IOException {
        byte[] jpeg = withMetadata(image(300, 500, "jpeg", false));
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("SECRET-COMMENT").contains("Exif");

        Response uploaded = upload(me, "image/jpeg", BodyPublishers.ofByteArray(jpeg));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        HttpResponse<byte[]> served = get(uploaded.json().get("avatarUrl").asString(), me);
        assertSquare(served);
        String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("SECRET-COMMENT").doesNotContain("Exif");
        if (served.headers().firstValue("Content-Type").orElseThrow().equals("image/jpeg")) {
            assertThat(jpegMarkers(served.body())).doesNotContain(0xE1, 0xFE);
        }

        for (byte[] webp : List.of(WEBP_LOSSY, WEBP_LOSSLESS)) {
            Response fromWebp = upload(me, "image/webp", BodyPublishers.ofByteArray(webp));
            assertThat(fromWebp.status()).as(fromWebp.body()).isEqualTo(200);
            assertSquare(get(fromWebp.json().get("avatarUrl").asString(), me));
        }
    }

    @Test
    void aTransparentPngStaysAPng() throws IOException {
        Response uploaded = upload(me, "image/png", BodyPublishers.ofByteArray(image(100, 100, "png", true)));
        HttpResponse<byte[]> served = get(uploaded.json().get("avatarUrl").asString(), me);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertSquare(served);
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("tEXt", "zTXt", "iTXt", "eXIf");
    }

    @Test
    void refusesWhatIsTooBigOfAnotherTypeOrNotAnImage() throws IOException {
        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        assertProblem(upload(me, "image/png", BodyPublishers.ofByteArray(sixMegabytes)), 413);
        // Without Content-Length (chunked): read no further than the limit, and refused all the same.
        assertProblem(upload(me, "image/png", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sixMegabytes))), 413);

        assertProblem(upload(me, "text/html", BodyPublishers.ofString("<html><script>alert(1)</script></html>")), 415);
        assertProblem(upload(me, "image/gif", BodyPublishers.ofByteArray(image(10, 10, "gif", false))), 415);

        byte[] garbage = new byte[2048];
        new Random(26).nextBytes(garbage);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, garbage, 0, 8);
        assertProblem(upload(me, "image/png", BodyPublishers.ofByteArray(garbage)), 400);
        // A real JPEG declared as a PNG is not a PNG.
        assertProblem(upload(me, "image/png", BodyPublishers.ofByteArray(image(20, 20, "jpeg", false))), 400);
        assertProblem(upload(me, "image/webp", BodyPublishers.ofByteArray(new byte[0])), 400);

        assertThat(api.get("/api/me", me.auth()).json().get("avatarUrl").isNull()).as("nothing stored").isTrue();
    }

    @Test
    void aPhotoStoredSidewaysStandsAsItsExifOrientationSays() throws IOException {
        // Stored as a phone stores a portrait: landscape, left half red, right half blue, tagged
        // "turn a quarter clockwise" (6). Shown upright, red is on top.
        BufferedImage stored = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpeg", jpeg);
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(jpeg.toByteArray(), 0, 2);
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        exif.writeBytes(tiff);
        segment(tagged, 0xE1, exif.toByteArray());
        tagged.write(jpeg.toByteArray(), 2, jpeg.size() - 2);

        Response uploaded = upload(me, "image/jpeg", BodyPublishers.ofByteArray(tagged.toByteArray()));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);

        HttpResponse<byte[]> served = get(uploaded.json().get("avatarUrl").asString(), me);
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(served.body()));
        Color top = new Color(avatar.getRGB(128, 40));
        Color bottom = new Color(avatar.getRGB(128, 215));
        assertThat(top.getRed()).as("red on top").isGreaterThan(200);
        assertThat(top.getBlue()).isLessThan(60);
        assertThat(bottom.getBlue()).as("blue below").isGreaterThan(200);
        assertThat(bottom.getRed()).isLessThan(60);
        assertThat(jpegMarkers(served.body())).as("the tag itself is not kept").doesNotContain(0xE1);
    }

    @Test
    void theUploadLimitFollowsTheRouteHoweverThePathIsSpelled() throws IOException {
        BufferedImage noise = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(24);
        for (int x = 0; x < 200; x++) {
            for (int y = 0; y < 200; y++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", png);
        assertThat(png.size()).as("over the 64 KB every other body may be").isGreaterThan(64 * 1024);

        Response spelled = upload("/api/me/%61vatar", me, "image/png", BodyPublishers.ofByteArray(png.toByteArray()));

        assertThat(spelled.status()).as(spelled.body()).isEqualTo(200);
        assertThat(api.get("/api/me", me.auth()).json().get("avatarUrl").isNull()).isFalse();
        assertProblem(api.post("/api/posts", "{\"content\":\"" + "x".repeat(70_000) + "\"}", me.auth()), 413);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() throws IOException {
        byte[] bomb = pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).as("a small file").isLessThan(100_000);

        Response refused = upload(me, "image/png", BodyPublishers.ofByteArray(bomb));

        assertProblem(refused, 400);
        assertThat(refused.json().get("detail").asString()).contains("50000 × 50000");
        // Just over the limit on one side, tiny on the other: refused too.
        assertProblem(upload(me, "image/png", BodyPublishers.ofByteArray(pngDeclaring(8_001, 1))), 400);
    }

    @Test
    void replacingChangesTheUrlAndAnOldUrlStillAnswersTheCurrentImageToBeRevalidated() throws IOException {
        String first = upload(me, "image/png", BodyPublishers.ofByteArray(image(50, 50, "png", false)))
                .json().get("avatarUrl").asString();
        String second = upload(me, "image/jpeg", BodyPublishers.ofByteArray(image(60, 60, "jpeg", false)))
                .json().get("avatarUrl").asString();

        assertThat(second).isNotEqualTo(first);
        HttpResponse<byte[]> old = get(first, me);
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-cache"));
        assertThat(old.body()).isEqualTo(get(second, me).body());
    }

    @Test
    void deletingLeavesNoneAndOneUserCannotChangeAnothersAvatar() throws IOException {
        LoggedIn other = TestUsers.create(api, "avatar_other");
        String mine = upload(me, "image/png", BodyPublishers.ofByteArray(image(50, 50, "png", false)))
                .json().get("avatarUrl").asString();
        byte[] myImage = get(mine, other).body();

        Response theirs = upload(other, "image/png", BodyPublishers.ofByteArray(image(70, 70, "png", true)));
        assertThat(theirs.json().get("username").asString()).isEqualTo(other.username());
        assertThat(api.send("PUT", "/api/users/" + me.username() + "/avatar", "image/png", "x", other.auth()).status())
                .isIn(403, 404, 405);
        assertThat(api.send("DELETE", "/api/users/" + me.username() + "/avatar", null, null, other.auth()).status())
                .isIn(403, 404, 405);
        assertThat(get(mine, other).body()).as("mine unchanged").isEqualTo(myImage);
        assertProblem(api.send("PUT", "/api/me/avatar", "image/png", "x"), 401);

        Response deleted = api.send("DELETE", "/api/me/avatar", null, null, me.auth());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/me/avatar", null, null, me.auth()).status()).as("idempotent").isEqualTo(204);
        assertThat(get(mine, me).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/me", me.auth()).json().get("avatarUrl").isNull()).isTrue();
        assertThat(get("/api/users/" + other.username() + "/avatar", me).statusCode()).as("theirs stays").isEqualTo(200);
        assertThat(get("/api/users/nobody_at_all_here/avatar", me).statusCode()).isEqualTo(404);

        String again = upload(me, "image/png", BodyPublishers.ofByteArray(image(50, 50, "png", false)))
                .json().get("avatarUrl").asString();
        assertThat(again).as("a new avatar after a deleted one has a new URL").isNotEqualTo(mine);
    }

    private Response upload(LoggedIn who, String type, BodyPublisher body) throws IOException {
        return upload("/api/me/avatar", who, type, body);
    }

    private Response upload(String path, LoggedIn who, String type, BodyPublisher body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("X-Auth-Token", who.token()).header("Content-Type", type)
                .PUT(body).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException refusedMidway) {
            throw refusedMidway;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, LoggedIn who) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Auth-Token", who.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertSquare(HttpResponse<byte[]> served) throws IOException {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).isIn("image/png", "image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
    }

    private static byte[] image(int width, int height, String format, boolean transparent) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(transparent ? new Color(0, 0, 255, 128) : Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
        return out.toByteArray();
    }

    /** The JPEG with a comment and an EXIF segment put right after its start marker. */
    private static byte[] withMetadata(byte[] jpeg) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        byte[] comment = "SECRET-COMMENT taken at home".getBytes(StandardCharsets.US_ASCII);
        segment(out, 0xFE, comment);
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        segment(out, 0xE1, exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
    }

    /** The markers of a JPEG's segments before its image data. */
    private static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return markers;
    }

    /**
     * A valid PNG whose header declares width × height RGB pixels, with a few kilobytes of
     * compressed zero rows: what a reader that believed the header would allocate is gigabytes.
     */
    private static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1024 * 1024]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int compressed = deflater.deflate(buffer);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, compressed));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream chunk = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        chunk.writeInt(data.length);
        chunk.write(name);
        chunk.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        chunk.writeInt((int) crc.getValue());
    }
}
