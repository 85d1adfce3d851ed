package org.agora.web.council;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.agora.council.MeetingCalendar;
import org.agora.council.MeetingService;
import org.agora.council.MinutesPdf;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.web.media.DocumentDownload;
import org.agora.web.platform.Ids;
import org.agora.web.security.CurrentUser;

/**
 * A meeting's files: its calendar file ({@code /councils/meeting.ics?id=}) and the PDF of its minutes
 * ({@code /councils/minutes.pdf?id=}), for whoever may see the meeting: a 403 for a members-only meeting of a council
 * the caller is not a member of, a 404 for an unknown meeting or one without a PDF.
 */
@WebServlet(urlPatterns = {CouncilFilesServlet.CALENDAR, CouncilFilesServlet.MINUTES})
public class CouncilFilesServlet extends HttpServlet {

    static final String CALENDAR = "/councils/meeting.ics";
    static final String MINUTES = "/councils/minutes.pdf";

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = Ids.parse(request.getParameter("id"));
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        try {
            if (CALENDAR.equals(request.getServletPath())) {
                calendar(request, response, id.get());
            } else {
                minutes(response, id.get());
            }
        } catch (NotAllowedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void calendar(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        String page = request.getRequestURL().toString().replace(CALENDAR, "/councils/meeting.xhtml") + "?id=" + id;
        String ics = meetings.calendar(currentUser.actor(), id, request.getServerName(), page, Instant.now());
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        response.setContentType(MeetingCalendar.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void minutes(HttpServletResponse response, long id) throws IOException {
        Optional<MinutesPdf> pdf = meetings.minutesPdf(currentUser.actor(), id);
        if (pdf.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = pdf.get().getBytes();
        response.setContentType("application/pdf");
        response.setHeader("Content-Security-Policy", DocumentDownload.SANDBOX); // opened inline, it runs nothing
        // the name was made safe when stored (no quotes, no control characters, no folders)
        response.setHeader("Content-Disposition", "attachment; filename=\"" + asciiName(pdf.get().getFileName())
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(pdf.get().getFileName(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String asciiName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
