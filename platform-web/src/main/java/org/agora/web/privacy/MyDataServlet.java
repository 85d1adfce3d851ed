package org.agora.web.privacy;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.agora.privacy.MyData;
import org.agora.privacy.PersonalData;
import org.agora.shared.Actor;
import org.agora.web.platform.Language;
import org.agora.web.security.CurrentUser;

/**
 * "My data" downloads for the signed-in person ({@code /me/data.json}, {@code /me/data.xlsx}): what the platform
 * holds about them, never cached. web.xml lets only signed-in people reach {@code /me/*}.
 */
@WebServlet(urlPatterns = {MyDataServlet.JSON, MyDataServlet.XLSX})
public class MyDataServlet extends HttpServlet {

    static final String JSON = "/me/data.json";
    static final String XLSX = "/me/data.xlsx";

    @Inject
    MyData myData;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentUser.actor();
        if (!actor.isSignedIn()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        PersonalData data = myData.of(actor, Instant.now());
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().equals(JSON)) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + PersonalDataFiles.fileName(data, "json") + "\"");
            response.getWriter().write(PersonalDataFiles.json(data));
        } else {
            response.setContentType(PersonalDataFiles.XLSX);
            response.setHeader("Content-Disposition", "attachment; filename=\"" + PersonalDataFiles.fileName(data, "xlsx") + "\"");
            PersonalDataFiles.xlsx(data, language.getCurrent(), response.getOutputStream());
        }
    }
}
