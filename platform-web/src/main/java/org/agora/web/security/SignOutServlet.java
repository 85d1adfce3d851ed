package org.agora.web.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * "Sign out": ends the session here and the single sign-on session at Keycloak (RP-initiated logout with
 * the identity token as hint), then Keycloak sends the user back to the home page.
 */
@WebServlet("/signout")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class SignOutServlet extends HttpServlet {

    @Inject
    OidcSettings settings;

    @Inject
    OpenIdContext openIdContext;

    /**
     * Not by GET: a link or an image on another site would sign people out. The menu posts a form; a cross-site post
     * carries no session cookie (SameSite=Lax), so it signs no one out either.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String idToken = request.getUserPrincipal() == null ? null : openIdContext.getIdentityToken().getToken();
        // The sign-in lives in the session: ending it signs out here (the container's logout() would
        // already commit a response of its own).
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String home = request.getRequestURL().toString().replace(request.getRequestURI(), request.getContextPath() + "/");
        if (idToken == null) {
            response.sendRedirect(home);
            return;
        }
        response.sendRedirect(settings.getEndSessionUri()
                + "?client_id=" + encode(settings.getClientId())
                + "&id_token_hint=" + encode(idToken)
                + "&post_logout_redirect_uri=" + encode(home));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
