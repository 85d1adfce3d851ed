package org.agora.council;

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

/** A council's ideas as moderation items: anyone sees the board; an idea belongs to its council's district. */
@ApplicationScoped
public class IdeaModeration implements ModerationTargets {

    private EntityManager em;
    private CouncilService councils;

    protected IdeaModeration() {
        // for CDI
    }

    @Inject
    public IdeaModeration(EntityManager em, CouncilService councils) {
        this.em = em;
        this.councils = councils;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.COUNCIL_IDEA;
    }

    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return item(id);
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return Optional.ofNullable(em.find(Idea.class, id)).map(idea -> new ModeratedItem(
                new ItemRef(ItemKind.COUNCIL_IDEA, id), idea.getAuthor(),
                Optional.of(councils.get(idea.getCouncilId()).getDistrictCode()),
                idea.getTitle() + " — " + idea.getText(), "councils/idea.xhtml?id=" + id, idea.getVisibility()));
    }

    @Override
    public void show(long id, Visibility visibility) {
        Optional.ofNullable(em.find(Idea.class, id)).ifPresent(idea -> idea.show(visibility));
    }
}
