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
import org.agora.shared.RichText;

/**
 * A council's news posts as moderation items: found by those who may read them (members-only ones by members and
 * leaders); a post belongs to its council's district; its author is who published it.
 */
@ApplicationScoped
public class NewsPostModeration implements ModerationTargets {

    private EntityManager em;
    private CouncilService councils;
    private CouncilNewsService news;

    protected NewsPostModeration() {
        // for CDI
    }

    @Inject
    public NewsPostModeration(EntityManager em, CouncilService councils, CouncilNewsService news) {
        this.em = em;
        this.councils = councils;
        this.news = news;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.COUNCIL_POST;
    }

    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return news.find(reader, id).map(this::item);
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return Optional.ofNullable(em.find(NewsPost.class, id)).map(this::item);
    }

    @Override
    public void show(long id, Visibility visibility) {
        Optional.ofNullable(em.find(NewsPost.class, id)).ifPresent(post -> post.show(visibility));
    }

    private ModeratedItem item(NewsPost post) {
        Council council = councils.get(post.getCouncilId());
        return new ModeratedItem(new ItemRef(ItemKind.COUNCIL_POST, post.getId()), post.getPublishedBy(),
                Optional.of(council.getDistrictCode()),
                post.getTitle() + " — " + RichText.plainText(post.getBody()), "councils/post.xhtml?id=" + post.getId(),
                post.getVisibility(), Optional.of(council.getModerationSpace()));
    }
}
