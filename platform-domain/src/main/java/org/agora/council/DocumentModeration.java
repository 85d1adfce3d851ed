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

/**
 * A council's documents as moderation items: found by those who may see them (a members-only one by members and
 * leaders); a document belongs to its council's district, its author is who published it; hidden, it leaves the list
 * and its file is a 404.
 */
@ApplicationScoped
public class DocumentModeration implements ModerationTargets {

    private EntityManager em;
    private CouncilService councils;
    private CouncilDocumentService documents;

    protected DocumentModeration() {
        // for CDI
    }

    @Inject
    public DocumentModeration(EntityManager em, CouncilService councils, CouncilDocumentService documents) {
        this.em = em;
        this.councils = councils;
        this.documents = documents;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.COUNCIL_DOCUMENT;
    }

    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return documents.find(reader, id).map(this::item);
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return Optional.ofNullable(em.find(CouncilDocument.class, id)).map(this::item);
    }

    @Override
    public void show(long id, Visibility visibility) {
        Optional.ofNullable(em.find(CouncilDocument.class, id)).ifPresent(document -> document.show(visibility));
    }

    private ModeratedItem item(CouncilDocument document) {
        Council council = councils.get(document.getCouncilId());
        return new ModeratedItem(new ItemRef(ItemKind.COUNCIL_DOCUMENT, document.getId()), document.getPublishedBy(),
                Optional.of(council.getDistrictCode()), document.getTitle() + " — " + document.getFileName(),
                "councils/documents.xhtml?id=" + document.getCouncilId(), document.getVisibility(),
                Optional.of(council.getModerationSpace()));
    }
}
