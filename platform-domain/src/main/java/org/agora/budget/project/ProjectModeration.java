package org.agora.budget.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModeratedItem;
import org.agora.moderation.ModerationTargets;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.NotFoundException;

/**
 * Budget project proposals as moderation items: anyone sees them; they belong to their envelope's district (the
 * city-wide envelope's to moderators only); hidden, they leave the lists, the map and the counts; rejected, a
 * submitted proposal leaves the review with the public reason. A project on a ballot is never hidden (nor by the
 * reports' threshold): the ballot is the election's.
 */
@ApplicationScoped
public class ProjectModeration implements ModerationTargets {

    private EntityManager em;

    protected ProjectModeration() {
        // for CDI
    }

    @Inject
    public ProjectModeration(EntityManager em) {
        this.em = em;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.BUDGET_PROJECT;
    }

    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return item(id);
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return Optional.ofNullable(em.find(BudgetProject.class, id)).map(ProjectModeration::item);
    }

    /** The project as moderation sees it: in its envelope's district and its call's space. */
    static ModeratedItem item(BudgetProject p) {
        return new ModeratedItem(new ItemRef(ItemKind.BUDGET_PROJECT, p.getId()),
                p.getAuthors().stream().findFirst().orElse("?"), p.getEnvelope().getDistrict(),
                p.getTitle() + " — " + p.getDescription().orElse(""), "budget/project.xhtml?id=" + p.getId(),
                p.getVisibility(), Optional.of(p.getEnvelope().getCall().getModerationSpace()));
    }

    @Override
    public void show(long id, Visibility visibility) {
        project(id).show(visibility);
    }

    /** A project on a ballot stays there: only the office's review decides what is voted on, before the vote. */
    @Override
    public Optional<String> whyNotHide(long id) {
        return project(id).isOnBallot() ? Optional.of("moderation.hide.onBallot") : Optional.empty();
    }

    @Override
    public void reject(long id, String publicReason) {
        BudgetProject project = project(id);
        project.reject(publicReason);
        project.show(Visibility.SHOWN);
    }

    private BudgetProject project(long id) {
        return Optional.ofNullable(em.find(BudgetProject.class, id))
                .orElseThrow(() -> new NotFoundException("budget.project.notFound", id));
    }
}
