package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.agora.api.comment.CommentsResource;
import org.agora.comment.CommentTarget;

/** The comments under an idea of a council's board: anyone reads them; the council's members and leaders comment. */
@Path("councils/ideas/{id}/comments")
@RequestScoped
public class IdeaCommentResource extends CommentsResource {

    @Override
    protected CommentTarget target(long id) {
        return CommentTarget.councilIdea(id);
    }
}
