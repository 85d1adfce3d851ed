package org.agora.web.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The FR/EN switch: /language?to=en&back=/the/page remembers the choice in a cookie and goes back. */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts.supported(request.getParameter("to")).ifPresent(locale -> {
            Cookie cookie = new Cookie(Language.COOKIE, locale.getLanguage());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        });
        response.sendRedirect(request.getContextPath() + LocalPath.orHome(request.getParameter("back")));
    }
}
