package org.agora.web.privacy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agora.privacy.TermsConsents;
import org.agora.web.security.CurrentUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks a signed-in person to accept the current version of the terms and privacy notice before they use the pages:
 * the page they asked for (a GET of a page, the home page included) sends them to {@code /terms.xhtml}, which brings
 * them back once they accepted; files, images and the API pass. Their
 * acceptance is kept in the session once read, so the database is asked once per session. The API is not gated: its
 * clients are staff tools and the residents' own apps, which take the terms at the account's first sign-in here.
 */
@WebFilter(urlPatterns = "/*")
public class TermsGate extends HttpFilter {

    static final String ACCEPTED = "agora.terms.accepted";
    static final String TERMS = "/terms.xhtml";

    /** Pages anyone reads before accepting: the terms, the privacy notice, errors and the goodbye of a deletion. */
    private static final List<String> OPEN = List.of(TERMS, "/privacy.xhtml", "/accessibility.xhtml", "/goodbye.xhtml",
            "/error/");

    @Inject
    TermsConsents consents;

    @Inject
    CurrentUser currentUser;

    @Inject
    @ConfigProperty(name = "agora.terms.version", defaultValue = "2026-12")
    String version;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean page = path.isEmpty() || path.equals("/") || path.endsWith(".xhtml");
        if (!page || request.getUserPrincipal() == null || !"GET".equals(request.getMethod())
                || OPEN.stream().anyMatch(path::startsWith) || accepted(request.getSession(false))) {
            chain.doFilter(request, response);
            return;
        }
        if (consents.hasAccepted(currentUser.actor(), version)) {
            request.getSession().setAttribute(ACCEPTED, version);
            chain.doFilter(request, response);
            return;
        }
        String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(request.getContextPath() + TERMS + "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    private boolean accepted(HttpSession session) {
        return session != null && version.equals(session.getAttribute(ACCEPTED));
    }
}
