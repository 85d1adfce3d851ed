package org.agora.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.agora.web.platform.LocalPath;

/**
 * Where Keycloak sends the browser back after the login ({@code redirectURI} of the OIDC definition). The
 * mechanism has already exchanged the code; this sends the user on to the page they asked for.
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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object page = session == null ? null : session.getAttribute(PAGE_ASKED_FOR);
        if (session != null) {
            session.removeAttribute(PAGE_ASKED_FOR);
        }
        String target = request.getUserPrincipal() == null ? "/" : LocalPath.orHome((String) page);
        response.sendRedirect(request.getContextPath() + target);
    }
}
