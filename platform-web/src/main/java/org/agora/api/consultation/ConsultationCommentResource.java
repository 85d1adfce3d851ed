package org.agora.api.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.agora.api.comment.CommentsResource;
import org.agora.comment.CommentTarget;

/** A consultation's comments: those who may see it read them; signed-in residents and staff comment while it is open. */
@Path("consultations/{id}/comments")
@RequestScoped
public class ConsultationCommentResource extends CommentsResource {

    @Override
    protected CommentTarget target(long id) {
        return CommentTarget.consultation(id);
    }
}
