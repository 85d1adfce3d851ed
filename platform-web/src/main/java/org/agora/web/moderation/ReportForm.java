package org.agora.web.moderation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.shared.Actor;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.security.CurrentUser;

/**
 * The "report this content" form of a page ({@code /WEB-INF/includes/report.xhtml}), under a budget proposal, an idea
 * or a news post: the page's bean says what it is about ({@link #show}) when it loads; on a page listing many items
 * (the free-text answers of a consultation's results), each item's link opens it for that item ({@link #startFor}). Who may report, and what, is
 * {@code ModerationPermissions}'s to say: a refusal (one's own item, a second report) shows in the form.
 */
@Named
@ViewScoped
public class ReportForm implements Serializable {

    static final String FORM = "report";

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    private ItemKind kind;
    private long id;
    private boolean open;
    private String excerpt;
    private ReportReason reason;
    private String details;

    /** Called by the page's bean when it loads: the form reports this item. */
    public void show(ItemKind shownKind, long shownId) {
        this.kind = shownKind;
        this.id = shownId;
        this.excerpt = null;
        cancel();
    }

    /** Opens the form for one item of a list, quoting it so the person sees what they report. */
    public void startFor(ItemKind shownKind, long shownId, String shownExcerpt) {
        show(shownKind, shownId);
        excerpt = shownExcerpt;
        start();
    }

    public void start() {
        open = true;
    }

    public void cancel() {
        open = false;
        reason = null;
        details = null;
    }

    public void send() {
        FacesActions.runInPlace(FORM, Map.of("details", "report-details", "reason", "report-reason"), () -> {
            moderation.report(currentUser.actor(), new ItemRef(kind, id), reason, details, Instant.now());
            FacesFeedback.doneInPlace("moderation.report.sent");
            cancel();
        });
    }

    /** Whether the link shows: someone signed in and not blocked, on a page that named its item. */
    public boolean isMayReport() {
        Actor actor = currentUser.actor();
        return kind != null && actor.isSignedIn() && !actor.isBlocked();
    }

    /** Whether this person may report anything at all: signed in and not blocked (a list shows its links then). */
    public boolean isSignedInToReport() {
        Actor actor = currentUser.actor();
        return actor.isSignedIn() && !actor.isBlocked();
    }

    /** The item being reported, quoted, when the form was opened from a list. */
    public String getExcerpt() {
        return excerpt;
    }

    public boolean isOpen() {
        return open;
    }

    public ReportReason[] getReasons() {
        return ReportReason.values();
    }

    public ReportReason getReason() {
        return reason;
    }

    public void setReason(ReportReason reason) {
        this.reason = reason;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }
}
