package org.agora.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.agora.web.platform.Texts;

/**
 * The page a browser gets instead of being sent to Keycloak while Keycloak does not answer: 503, in the visitor's
 * language, saying that public pages and open sessions still work and to try again in a few minutes. Plain HTML
 * written here (no Faces): it is answered from the authentication mechanism, before any page runs.
 */
final class SignInUnavailable {

    static final int RETRY_AFTER_SECONDS = 60;

    private SignInUnavailable() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Texts.preferred(request);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        PrintWriter out = response.getWriter();
        out.print(html(locale, request.getContextPath()));
        out.flush();
    }

    static String html(Locale locale, String contextPath) {
        String title = escape(Texts.format(locale, "signin.unavailable.title"));
        return "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " - Agora</title>"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + "/resources/css/agora.css\"></head>"
                + "<body><main id=\"main\" class=\"container\"><h1 id=\"signin-unavailable\">" + title + "</h1>"
                + "<p>" + escape(Texts.format(locale, "signin.unavailable.text")) + "</p>"
                + "<p><a href=\"" + contextPath + "/\">" + escape(Texts.format(locale, "signin.unavailable.home"))
                + "</a></p></main></body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
