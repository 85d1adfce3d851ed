package org.agora.web.comment;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agora.comment.Comment;
import org.agora.comment.CommentPermissions;
import org.agora.comment.CommentService;
import org.agora.comment.CommentTarget;
import org.agora.comment.Discussion;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.participation.ProfileNames;
import org.agora.shared.Actor;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.moderation.HiddenNotice;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The comments under a page's content ({@code /WEB-INF/includes/comments.xhtml}): the page's bean says what they are
 * on ({@link #show}) when it loads. Anyone reads the thread; signed-in residents and staff write a comment, reply to
 * one, edit or delete their own, in one editor that says what it is doing. A refusal shows next to the editor and
 * keeps the text; each success updates the thread in place.
 */
@Named
@ViewScoped
public class CommentsSection implements Serializable {

    /** The id of the section's form; the editor inside it is {@code body}. */
    static final String FORM = "comments";

    @Inject
    CommentService comments;

    @Inject
    CurrentUser currentUser;

    @Inject
    ModerationService moderation;

    @Inject
    ProfileNames profileNames;

    private CommentTarget target;
    private String body;
    private Long replyTo;
    private Long editing;
    private Long reporting;
    private ReportReason reportReason;
    private String reportDetails;
    private boolean reportName;
    private transient Discussion discussion;
    private transient List<CommentView> views;

    /** Called by the page's bean when it loads: the section is on this target. */
    public void show(CommentTarget shown) {
        this.target = shown;
        forget();
    }

    public boolean isShown() {
        return target != null;
    }

    // --- actions ---

    /** Sends the editor: a new comment, a reply, or the edited text, as the editor is set to. */
    public void send() {
        Actor actor = currentUser.actor();
        Instant now = Instant.now();
        FacesActions.runInPlace(FORM, Map.of("parent", "body"), () -> {
            if (editing != null) {
                comments.edit(actor, editing, body, now);
                FacesFeedback.doneInPlace("comment.edited");
            } else if (replyTo != null) {
                Comment reply = comments.reply(actor, currentUser.getDisplayName(), target, replyTo, body, now);
                FacesFeedback.doneInPlace(reply.isHidden() ? "moderation.held" : "comment.replied");
            } else {
                Comment posted = comments.post(actor, currentUser.getDisplayName(), target, body, now);
                FacesFeedback.doneInPlace(posted.isHidden() ? "moderation.held" : "comment.posted");
            }
            cancel();
        });
        forget();
    }

    public void startReply(long commentId) {
        editing = null;
        replyTo = commentId;
        body = null;
    }

    /** Puts the comment's text in the editor. */
    public void startEdit(long commentId) {
        replyTo = null;
        editing = commentId;
        body = comments.find(commentId).map(Comment::getBody).orElse(null);
    }

    public void cancel() {
        replyTo = null;
        editing = null;
        body = null;
    }

    public void delete(long commentId) {
        FacesActions.runInPlace(FORM, () -> {
            comments.delete(currentUser.actor(), commentId, Instant.now());
            FacesFeedback.doneInPlace("comment.deleted");
            if (Long.valueOf(commentId).equals(editing) || Long.valueOf(commentId).equals(replyTo)) {
                cancel();
            }
        });
        forget();
    }

    private void forget() {
        discussion = null;
        views = null;
    }

    // --- for the page ---

    private Discussion discussion() {
        if (discussion == null) {
            discussion = comments.discussion(currentUser.actor(), target, Instant.now());
        }
        return discussion;
    }

    public List<CommentView> getComments() {
        if (views == null) {
            Locale locale = locale();
            Actor reader = currentUser.actor();
            Discussion shown = discussion();
            boolean mayWrite = CommentPermissions.canComment(reader, shown.target());
            views = shown.comments().stream().map(c -> new CommentView(c.getId(), c.getDepth(), c.getAuthorName(),
                    c.getAuthorBadge().map(b -> Texts.format(locale, "comment.badge." + b.name())).orElse(null),
                    CityTime.dateTime(c.getCreatedAt(), locale), c.isEdited(), c.isDeleted(),
                    c.isHidden() ? "" : c.getBody(),
                    mayWrite && c.isPublished() && !c.isHidden() && c.getDepth() < Comment.MAX_DEPTH,
                    !c.isHidden() && CommentPermissions.canEdit(reader, c, shown.target()),
                    CommentPermissions.canDelete(reader, c), HiddenNotice.of(c.getVisibility(), locale),
                    reader.isSignedIn() && !reader.isBlocked() && c.isPublished() && !c.isHidden()
                            && !c.getAuthor().equals(reader.username()))).toList();
        }
        return views;
    }

    public long getCount() {
        return discussion().count();
    }

    public boolean isMayComment() {
        return CommentPermissions.canComment(currentUser.actor(), discussion().target());
    }

    /** Why the visitor may not write here, in their language; null when they may. */
    public String getWhyNot() {
        return CommentPermissions.whyNotComment(currentUser.actor(), discussion().target())
                .map(key -> Texts.format(locale(), key)).orElse(null);
    }

    /** Whether signing in is what the visitor lacks to write here. */
    public boolean isSignInNeeded() {
        return CommentPermissions.whyNotComment(currentUser.actor(), discussion().target())
                .filter("comment.signInFirst"::equals).isPresent();
    }

    /** Whom the editor replies to, for its heading; null when it does not reply. */
    public String getReplyingToName() {
        return replyTo == null ? null : comments.find(replyTo).map(Comment::getAuthorName).orElse(null);
    }

    public boolean isEditingComment() {
        return editing != null;
    }

    public boolean isReplying() {
        return replyTo != null;
    }

    public Long getReplyTo() {
        return replyTo;
    }

    public Long getEditing() {
        return editing;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    // --- reporting a comment ---

    /** Opens the report form under this comment. */
    public void startReport(long commentId) {
        reporting = commentId;
        reportReason = null;
        reportDetails = null;
    }

    public void cancelReport() {
        reporting = null;
        reportReason = null;
        reportDetails = null;
        reportName = false;
    }

    /** Whether the report is about the author's shown name rather than the comment. */
    public boolean isReportName() {
        return reportName;
    }

    public void setReportName(boolean reportName) {
        this.reportName = reportName;
    }


    /** Sends the report of the comment the form is under; a refusal shows in the form and keeps what was typed. */
    public void sendReport() {
        Long reported = reporting;
        FacesActions.runInPlace(FORM, Map.of("details", "report-details", "reason", "report-reason"), () -> {
            ItemRef item = new ItemRef(ItemKind.COMMENT, reported);
            if (reportName) {
                // the author's shown name rather than the comment: one item per person, whichever comment it is seen on
                Comment comment = comments.find(reported).orElseThrow(
                        () -> new org.agora.shared.NotFoundException("moderation.item.notFound", reported));
                String page = comments.target(currentUser.actor(), comment.getTarget()).map(t -> t.path()).orElse("");
                item = new ItemRef(ItemKind.PROFILE_NAME, profileNames.itemFor(comment.getAuthor(),
                        comment.getAuthorName(), page + "#comment-" + reported));
            }
            moderation.report(currentUser.actor(), item, reportReason, reportDetails, Instant.now());
            FacesFeedback.doneInPlace("moderation.report.sent");
            cancelReport();
        });
        forget();
    }

    public Long getReporting() {
        return reporting;
    }

    public ReportReason getReportReason() {
        return reportReason;
    }

    public void setReportReason(ReportReason reportReason) {
        this.reportReason = reportReason;
    }

    public String getReportDetails() {
        return reportDetails;
    }

    public void setReportDetails(String reportDetails) {
        this.reportDetails = reportDetails;
    }

    public ReportReason[] getReportReasons() {
        return ReportReason.values();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
