package org.agora.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.participation.ResidentRegister;
import org.agora.shared.Role;
import org.agora.web.platform.LocalPath;

/**
 * Where Keycloak sends the browser back after the login ({@code redirectURI} of the OIDC definition). The
 * mechanism has already exchanged the code; this puts a resident on the platform's register if they are not on it
 * yet, and sends the user on to the page they asked for.
 */
@WebServlet("/Callback")
public class CallbackServlet extends HttpServlet {

    private static final String PAGE_ASKED_FOR = CallbackServlet.class.getName() + ".pageAskedFor";

    /** Remembers a protected page being opened, to come back to it once signed in. */
    static void rememberPageAskedFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        request.getSession().setAttribute(PAGE_ASKED_FOR, query == null ? path : path + "?" + query);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ResidentRegister register;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() != null && currentUser.actor().has(Role.RESIDENT)) {
            // a resident is on the platform's register from their first sign-in, with the district and birth year
            // their account has then; what they edit in their account later is not read for votes
            try {
                register.enlisted(currentUser.actor(), Optional.ofNullable(currentUser.getDisplayName()), Instant.now());
            } catch (RuntimeException e) {
                // never in the way of signing in: the vote enlists them too
                Logger.getLogger(CallbackServlet.class.getName()).log(Level.WARNING, "Cannot enlist "
                        + currentUser.getUsername() + " on the register at sign-in", e);
            }
        }
        HttpSession session = request.getSession(false);
        Object page = session == null ? null : session.getAttribute(PAGE_ASKED_FOR);
        if (session != null) {
            session.removeAttribute(PAGE_ASKED_FOR);
        }
        String target = request.getUserPrincipal() == null ? "/" : LocalPath.orHome((String) page);
        response.sendRedirect(request.getContextPath() + target);
    }
}
