package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.agora.api.comment.CommentsResource;
import org.agora.comment.CommentTarget;

/** The comments under a council's news post: those who may read the post read them; its members and leaders comment. */
@Path("councils/news/{id}/comments")
@RequestScoped
public class NewsPostCommentResource extends CommentsResource {

    @Override
    protected CommentTarget target(long id) {
        return CommentTarget.councilPost(id);
    }
}
