package org.agora.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After Keycloak's login the user lands on the page they asked for with {@code code} and {@code state} still in
 * the address; once signed in, send them to the same page without those (a reload or a bookmark would replay them).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class CleanCallbackFilter extends HttpFilter {

    private static final Set<String> CALLBACK_PARAMETERS = Set.of("code", "state", "session_state", "iss");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if ("GET".equals(request.getMethod()) && request.getUserPrincipal() != null && query != null
                && request.getParameter("state") != null && request.getParameter("code") != null) {
            String kept = Arrays.stream(query.split("&"))
                    .filter(p -> !CALLBACK_PARAMETERS.contains(p.split("=", 2)[0]))
                    .collect(Collectors.joining("&"));
            response.sendRedirect(request.getRequestURI() + (kept.isEmpty() ? "" : "?" + kept));
            return;
        }
        chain.doFilter(request, response);
    }
}
