package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilContentPermissions;
import org.agora.council.CouncilDocumentService;
import org.agora.media.DocumentFormat;
import org.agora.media.DocumentService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.primefaces.model.file.UploadedFile;

/**
 * A council's documents ({@code /councils/documents.xhtml?id=}): the ones this person may see, newest first, to
 * download; its leaders publish a file here (public or for members only) and remove one. An unknown council is a 404.
 */
@Named
@ViewScoped
public class CouncilDocumentsPage extends CouncilSpacePage {

    @Inject
    CouncilDocumentService documents;

    @Inject
    DocumentService files;

    @Inject
    CouncilContentLabels labels;

    private boolean publisher;
    private boolean membersOnlyVisible;
    private List<DocumentRow> rows = List.of();

    private String title;
    private boolean membersOnly;
    private transient UploadedFile file;

    /** View action: the council named in the address, or a 404. */
    public void load() {
        Optional<Council> found = council();
        if (found.isEmpty()) {
            return;
        }
        Council council = found.get();
        var actor = currentUser.actor();
        publisher = CouncilContentPermissions.canPublish(actor, council);
        membersOnlyVisible = councils.seesMembersOnly(actor, council);
        rows = documents.visible(actor, getCouncilId()).stream().map(labels::row).toList();
    }

    /** Publishes the chosen file under its title; a refused title or file says why next to it. */
    public String publish() {
        boolean chosen = file != null && file.getSize() > 0;
        return FacesActions.run("upload", () -> {
            documents.publish(currentUser.actor(), getCouncilId(), title, membersOnly, chosen ? file.getFileName() : null,
                    chosen ? file.getContent() : null, Instant.now());
            FacesFeedback.done("council.document.published", title.strip());
            return thisPage();
        });
    }

    public String remove(long documentId) {
        return FacesActions.run("documents", () -> {
            documents.remove(currentUser.actor(), documentId);
            FacesFeedback.done("council.document.removed");
            return thisPage();
        });
    }

    private String thisPage() {
        return "/councils/documents?faces-redirect=true&id=" + getCouncilId();
    }

    // --- for the page ---

    /** The file input's accept list: the extensions of the accepted formats. */
    public String getAccept() {
        return String.join(",", java.util.Arrays.stream(DocumentFormat.values())
                .map(format -> "." + format.mainExtension()).toList());
    }

    public String getAcceptedFormats() {
        return DocumentFormat.acceptedList();
    }

    public int getMaxMegabytes() {
        return files.maxMegabytes();
    }

    public boolean isPublisher() {
        return publisher;
    }

    public boolean isMembersOnlyVisible() {
        return membersOnlyVisible;
    }

    public List<DocumentRow> getRows() {
        return rows;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public void setMembersOnly(boolean membersOnly) {
        this.membersOnly = membersOnly;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
