package org.agora.web.comment;

/**
 * One comment as the page shows it, already worded for the reader: author and badge, date, edited mark, safe HTML
 * body (empty for the placeholder of a deleted comment), and what the reader may do with it. A class with getters,
 * not a record: Faces 4's expression language does not read record components.
 */
public final class CommentView {

    private final long id;
    private final int depth;
    private final String authorName;
    private final String badge;
    private final String written;
    private final boolean edited;
    private final boolean deleted;
    private final String bodyHtml;
    private final boolean mayReply;
    private final boolean mayEdit;
    private final boolean mayDelete;
    private final String hiddenNotice;
    private final boolean mayReport;

    CommentView(long id, int depth, String authorName, String badge, String written, boolean edited, boolean deleted,
                String bodyHtml, boolean mayReply, boolean mayEdit, boolean mayDelete, String hiddenNotice,
                boolean mayReport) {
        this.id = id;
        this.depth = depth;
        this.authorName = authorName;
        this.badge = badge;
        this.written = written;
        this.edited = edited;
        this.deleted = deleted;
        this.bodyHtml = bodyHtml;
        this.mayReply = mayReply;
        this.mayEdit = mayEdit;
        this.mayDelete = mayDelete;
        this.hiddenNotice = hiddenNotice;
        this.mayReport = mayReport;
    }

    /** What shows in place of a comment moderation hides (plain text: pending review, or the public reason); else null. */
    public String getHiddenNotice() {
        return hiddenNotice;
    }

    public boolean isHidden() {
        return hiddenNotice != null;
    }

    public boolean isMayReport() {
        return mayReport;
    }

    public long getId() {
        return id;
    }

    public int getDepth() {
        return depth;
    }

    public String getAuthorName() {
        return authorName;
    }

    /** The staff badge in the reader's language; null for a resident. */
    public String getBadge() {
        return badge;
    }

    /** When it was written, in the city's time. */
    public String getWritten() {
        return written;
    }

    public boolean isEdited() {
        return edited;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public boolean isMayReply() {
        return mayReply;
    }

    public boolean isMayEdit() {
        return mayEdit;
    }

    public boolean isMayDelete() {
        return mayDelete;
    }

    /** The CSS class of its place in the thread: indented by depth, staff replies stand out. */
    public String getCssClass() {
        return "comment depth-" + depth + (badge == null ? "" : " staff") + (deleted ? " deleted" : "")
                + (hiddenNotice == null ? "" : " hidden-by-moderation");
    }
}
