package io.bsocial.web.support;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code bsocial.http.max-body-size} with 413 before anything parses
 * it. A declared {@code Content-Length} is checked without reading a byte; a chunked body (no
 * length) is read up to one byte past the limit and, if it fits, handed on from memory. Form
 * bodies are parsed by Tomcat itself, whose own limit is set to the same size. An avatar upload
 * ({@code PUT /api/me/avatar}, matched as Spring routes it: on the decoded, normalised path) may be
 * as large as {@code bsocial.http.max-avatar-size}.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher AVATAR_UPLOAD =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/me/avatar");

    private final int maxBodyBytes;
    private final int maxAvatarBytes;

    BodySizeLimitFilter(HttpLimitsProperties limits) {
        this.maxBodyBytes = limits.maxBodyBytes();
        this.maxAvatarBytes = limits.maxAvatarBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int maxBytes = AVATAR_UPLOAD.matches(request) ? maxAvatarBytes : maxBodyBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response, maxBytes);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !isForm(request)) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                tooLarge(request, response, maxBytes);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, int maxBytes)
            throws IOException {
        String limit = maxBytes >= 1024 * 1024 && maxBytes % (1024 * 1024) == 0
                ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
        ErrorPages.explain(request, "The request body is larger than " + limit + ".");
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    /** The request with its (already counted) body served from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
