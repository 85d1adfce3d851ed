package org.agora.api.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.agora.api.comment.CommentsResource;
import org.agora.comment.CommentTarget;

/** A budget project's comments: anyone reads them; signed-in residents and staff comment until the call's vote ends. */
@Path("budget/projects/{id}/comments")
@RequestScoped
public class ProjectCommentResource extends CommentsResource {

    @Override
    protected CommentTarget target(long id) {
        return CommentTarget.budgetProject(id);
    }
}
