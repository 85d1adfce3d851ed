package org.agora.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.agora.web.platform.MapTiles;
import org.agora.web.platform.TileServer;

/**
 * The headers every answer carries, pages, API and files alike: no page of the platform is shown inside another
 * site's frame (clickjacking a vote or a moderation button), no plug-in content runs, the browser never guesses a
 * content type, addresses (which may name a consultation or a council) are not sent to other sites, and, behind
 * HTTPS, the browser keeps to HTTPS for a year. A download may set a stricter Content-Security-Policy of its own
 * (the sandbox of documents and minutes), which is kept. Images come from the platform itself ({@code data:} and
 * {@code blob:} URLs included) and from the maps' configured tile server only ({@link TileServer}): no other host can
 * be made to see the visitors through an image. On a Faces page, {@link PagePolicy} adds the scripts to this policy:
 * the platform's files and the page's own scripts carrying the nonce of this response, nothing else (an injected
 * {@code <script>} or {@code onclick} does not run). Answers that are not pages (the API, files, images) keep this policy
 * as it is.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    /** The request attribute holding the policy set here, which a Faces page completes with its scripts. */
    static final String POLICY = SecurityHeaders.class.getName() + ".policy";

    @Inject
    TileServer tileServer;

    private String policy = CONTENT_SECURITY_POLICY;

    @Override
    public void init() {
        policy = policy(tileServer.tiles());
    }

    /** The policy of the pages: the fixed part, and images from the platform and the tile server (if any). */
    static String policy(MapTiles tiles) {
        return CONTENT_SECURITY_POLICY + "; img-src 'self' data: blob:" + tiles.origin().map(o -> " " + o).orElse("");
    }

    /**
     * The policy of a page: the policy of every answer, and scripts from the platform's own files or carrying the
     * page's nonce only; no {@code 'unsafe-inline'}, no {@code 'unsafe-eval'} (PrimeFaces runs the scripts of its Ajax
     * answers as {@code <script>} elements carrying the nonce, not through {@code eval}).
     */
    static String pagePolicy(String policy, String nonce) {
        return policy + "; script-src 'self' 'nonce-" + nonce + "'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        request.setAttribute(POLICY, policy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (behindHttps(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }

    /** Served over HTTPS, directly or by a reverse proxy that says so. */
    static boolean behindHttps(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
