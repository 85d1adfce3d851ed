package org.agora.web.exports;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportJobs;
import org.agora.shared.ConflictException;
import org.agora.shared.NotFoundException;
import org.agora.web.security.CurrentUser;

/**
 * {@code /reports/export?id=}: the file of one of the person's exports, from the dashboard. Anyone else's export, an
 * unknown or malformed id and an expired file are 404; an export not written yet is 409.
 */
@WebServlet(urlPatterns = ExportFileServlet.PATH)
public class ExportFileServlet extends HttpServlet {

    public static final String PATH = "/reports/export";

    @Inject
    ExportJobs jobs;

    @Inject
    ExportWorker worker;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(String.valueOf(request.getParameter("id")).strip());
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportJob job;
        try {
            job = jobs.ready(currentUser.actor(), id);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (ConflictException e) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        Path file = worker.runner().file(job);
        if (!Files.isReadable(file)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(job.getKind().contentType());
        ExportDownload.headers(job).forEach(response::setHeader);
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
