package org.agora.web.security;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.agora.web.platform.LocalPath;

/**
 * "Sign in": a protected address, so the container sends the visitor to Keycloak first; once back, they go to
 * the page they came from.
 */
@WebServlet("/signin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class SignInServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + LocalPath.orHome(request.getParameter("back")));
    }
}
