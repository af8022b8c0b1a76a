package io.bsocial.web.avatar.internal;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The image types an upload may declare; JPEG and PNG are also what is stored and served. */
enum AvatarType {

    JPEG("image/jpeg", "JPEG"),
    PNG("image/png", "PNG"),
    WEBP("image/webp", "WebP");

    private final String mediaType;
    private final String label;

    AvatarType(String mediaType, String label) {
        this.mediaType = mediaType;
        this.label = label;
    }

    String mediaType() {
        return mediaType;
    }

    String label() {
        return label;
    }

    /** The type a Content-Type header names (parameters ignored), if it is one of these. */
    static Optional<AvatarType> of(MediaType declared) {
        return Arrays.stream(values())
                .filter(type -> MediaType.parseMediaType(type.mediaType).equalsTypeAndSubtype(declared)).findFirst();
    }

    static AvatarType ofStored(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown stored avatar type " + mediaType));
    }
}
