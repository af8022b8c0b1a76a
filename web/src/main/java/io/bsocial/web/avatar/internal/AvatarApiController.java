package io.bsocial.web.avatar.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.avatar.AvatarUrls;
import io.bsocial.web.avatar.internal.AvatarImages.EncodedAvatar;
import io.bsocial.web.avatar.internal.AvatarRepository.StoredAvatar;
import io.bsocial.web.support.ApiProblem;
import io.bsocial.web.support.HttpLimitsProperties;
import io.bsocial.web.support.NotFoundException;

/**
 * Upload, removal and serving of avatars. The body is the image itself (no multipart), its type the
 * Content-Type; the body filter already refused a declared or chunked body over the limit, and
 * the body is read here again only up to one byte past it. Counted only against the per-request
 * budget, as the contract says of avatar writes.
 *
 * <p>Serving: the URL with the current version ({@code ?v=}) is immutable and cached for a year;
 * any other {@code v} (an old URL, or none) answers the current image too, but to be revalidated
 * ({@code no-cache} with an ETag), so an old link never shows an old picture for long.
 */
@RestController
class AvatarApiController {

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final AvatarImages images;
    private final AvatarRepository avatars;
    private final AvatarUrls urls;
    private final Accounts accounts;
    private final int maxBytes;
    private final Clock clock;

    AvatarApiController(AvatarImages images, AvatarRepository avatars, AvatarUrls urls, Accounts accounts,
            HttpLimitsProperties limits, Clock clock) {
        this.images = images;
        this.avatars = avatars;
        this.urls = urls;
        this.accounts = accounts;
        this.maxBytes = limits.maxAvatarBytes();
        this.clock = clock;
    }

    @PutMapping("/api/me/avatar")
    AccountView upload(@AuthenticationPrincipal SessionUser me, HttpServletRequest request) throws IOException {
        AvatarType type = declaredType(request.getContentType());
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE,
                    "An avatar may be at most " + maxBytes / (1024 * 1024) + " MB.");
        }
        if (body.length == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "The body is empty: send the image itself.");
        }
        EncodedAvatar avatar = images.reencode(body, type);
        avatars.store(me.id(), avatar, clock.instant());
        urls.changed(me.id());
        return accounts.account(me.id()).orElseThrow(() -> new NotFoundException("Your account no longer exists."));
    }

    @DeleteMapping("/api/me/avatar")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SessionUser me) {
        avatars.delete(me.id());
        urls.changed(me.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{username}/avatar")
    ResponseEntity<byte[]> avatar(@PathVariable String username, @RequestParam(name = "v", required = false) String v,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        UserView user = accounts.byUsername(username).orElseThrow(() -> new NotFoundException("No such user."));
        StoredAvatar avatar = avatars.find(user.id())
                .orElseThrow(() -> new NotFoundException(user.username() + " has no avatar."));
        String version = Long.toString(avatar.version());
        String etag = "\"" + version + "\"";
        boolean current = version.equals(v);
        if (!current && etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(avatar.type().mediaType()))
                .contentLength(avatar.bytes().length)
                .cacheControl(current ? IMMUTABLE : CacheControl.noCache())
                .eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(avatar.bytes());
    }

    private static AvatarType declaredType(String contentType) {
        try {
            if (contentType != null) {
                var declared = AvatarType.of(MediaType.parseMediaType(contentType));
                if (declared.isPresent()) {
                    return declared.get();
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // Falls through: an unreadable Content-Type is no image type either.
        }
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the image as image/jpeg, image/png or image/webp.");
    }
}
