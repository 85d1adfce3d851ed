package org.agora.web.comment;

/**
 * One comment as the page shows it, already worded for the reader: author and badge, date, edited mark, safe HTML
 * body (empty for the placeholder of a deleted comment), and what the reader may do with it.
 */
public record CommentView(long id, int depth, String authorName, String badge, String written, boolean edited,
                          boolean deleted, String bodyHtml, boolean mayReply, boolean mayEdit, boolean mayDelete) {

    /** The CSS class of its place in the thread: indented by depth, staff replies stand out. */
    public String getCssClass() {
        return "comment depth-" + depth + (badge == null ? "" : " staff") + (deleted ? " deleted" : "");
    }
}
