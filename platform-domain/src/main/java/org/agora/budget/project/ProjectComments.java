package org.agora.budget.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.comment.CommentTarget;
import org.agora.comment.CommentTargets;
import org.agora.comment.Commentable;
import org.agora.shared.Actor;

/** Budget projects as comment targets: anyone sees them; they take comments as {@link BudgetPermissions} says. */
@ApplicationScoped
public class ProjectComments implements CommentTargets {

    private EntityManager em;

    protected ProjectComments() {
        // for CDI
    }

    /** The entity manager: injected by CDI, or given by hand outside a container. */
    @Inject
    public ProjectComments(EntityManager em) {
        this.em = em;
    }

    @Override
    public CommentTarget.Kind kind() {
        return CommentTarget.Kind.BUDGET_PROJECT;
    }

    @Override
    public Optional<Commentable> find(Actor reader, long id, Instant now) {
        return Optional.ofNullable(em.find(BudgetProject.class, id))
                .map(project -> new Commentable(CommentTarget.budgetProject(id),
                        ProjectPermissions.whyNoComments(project, now))
                        .at(project.getEnvelope().getDistrict(), "budget/project.xhtml?id=" + id)
                        .in(project.getEnvelope().getCall().getModerationSpace(),
                                project.getEnvelope().getCall().isPreModerated()));
    }
}
