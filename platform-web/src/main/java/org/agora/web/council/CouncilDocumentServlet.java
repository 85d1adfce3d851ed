package org.agora.web.council;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.agora.council.CouncilDocumentService;
import org.agora.media.StoredDocument;
import org.agora.web.media.DocumentDownload;
import org.agora.web.platform.Ids;
import org.agora.web.security.CurrentUser;

/**
 * A council's document as a download ({@code /councils/document?id=}), for whoever may see it. A members-only
 * document is a 404 for anyone else, like an unknown one: its address tells nothing about it.
 */
@WebServlet(CouncilDocumentServlet.PATH)
public class CouncilDocumentServlet extends HttpServlet {

    static final String PATH = "/councils/document";

    @Inject
    CouncilDocumentService documents;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StoredDocument> file = Ids.parse(request.getParameter("id"))
                .flatMap(id -> documents.find(currentUser.actor(), id))
                .map(document -> documents.file(currentUser.actor(), document.getId()));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        DocumentDownload.write(response, file.get());
    }
}
