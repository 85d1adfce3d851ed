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
        return Optional.ofNullable(em.find(Idea.class, id)).map(idea -> item(idea, councils.get(idea.getCouncilId())));
    }

    /** The idea as moderation sees it: in its council's district and space. */
    static ModeratedItem item(Idea idea, Council council) {
        return new ModeratedItem(new ItemRef(ItemKind.COUNCIL_IDEA, idea.getId()), idea.getAuthor(),
                Optional.of(council.getDistrictCode()), idea.getTitle() + " — " + idea.getText(),
                "councils/idea.xhtml?id=" + idea.getId(), idea.getVisibility(), Optional.of(council.getModerationSpace()));
    }

    @Override
    public void show(long id, Visibility visibility) {
        Optional.ofNullable(em.find(Idea.class, id)).ifPresent(idea -> idea.show(visibility));
    }
}
