package org.agora.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.media.DocumentFile;
import org.agora.media.DocumentService;
import org.agora.media.StoredDocument;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * A council's documents, one transaction per change: its leaders publish a file (checked by {@link DocumentFile}:
 * its content, its name, its size) under a title, public or for members only, and remove it; anyone lists and
 * downloads the public ones, members and leaders the others too. To everyone else a members-only document does
 * not exist: it is not listed, and asking for it by its id is a 404, through the pages and the API alike.
 */
@ApplicationScoped
@Transactional
public class CouncilDocumentService {

    private EntityManager em;
    private DocumentService files;
    private CouncilService councils;

    protected CouncilDocumentService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public CouncilDocumentService(EntityManager em, DocumentService files, CouncilService councils) {
        this.em = em;
        this.files = files;
        this.councils = councils;
    }

    /** Publishes a document; the title and the file are both checked before anything is stored. */
    public CouncilDocument publish(Actor actor, long councilId, String title, boolean membersOnly, String fileName,
                                   byte[] bytes, Instant now) {
        Council council = councils.get(councilId);
        if (!CouncilContentPermissions.canPublish(actor, council)) {
            throw new NotAllowedException("council.notLeader");
        }
        String checkedTitle = CouncilDocument.checkedTitle(title);
        DocumentFile file = files.check(fileName, bytes);
        StoredDocument stored = files.store(actor.username(), file);
        CouncilDocument document = new CouncilDocument(council, checkedTitle, membersOnly, stored, actor.username(), now);
        em.persist(document);
        em.flush();
        return document;
    }

    /** Removes the document and its file. */
    public void remove(Actor actor, long documentId) {
        CouncilDocument document = Optional.ofNullable(em.find(CouncilDocument.class, documentId))
                .orElseThrow(() -> notFound(documentId));
        if (!CouncilContentPermissions.canPublish(actor, councils.get(document.getCouncilId()))) {
            throw new NotAllowedException("council.notLeader");
        }
        em.remove(document);
        em.flush();
        em.createQuery("delete from StoredDocument d where d.id = :id").setParameter("id", document.getDocumentId())
                .executeUpdate();
    }

    /** The documents this person may see, newest first; none moderation hides. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CouncilDocument> visible(Actor actor, long councilId) {
        Council council = councils.get(councilId);
        boolean all = councils.seesMembersOnly(actor, council);
        return em.createQuery("select d from CouncilDocument d where d.councilId = :c and d.hiddenState is null"
                        + (all ? "" : " and d.membersOnly = false") + " order by d.publishedAt desc, d.id desc",
                CouncilDocument.class).setParameter("c", councilId).getResultList();
    }

    /** The document, if this person may see it; a members-only one is not found for anyone else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CouncilDocument> find(Actor actor, long documentId) {
        return Optional.ofNullable(em.find(CouncilDocument.class, documentId)).filter(document -> {
            Council council = councils.get(document.getCouncilId());
            return CouncilContentPermissions.canSee(actor, council, document.isMembersOnly(),
                    councils.isMember(actor, council.getId()));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CouncilDocument get(Actor actor, long documentId) {
        return find(actor, documentId).orElseThrow(() -> notFound(documentId));
    }

    /** The file of the document, to download, if this person may see it and moderation does not hide it; else not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDocument file(Actor actor, long documentId) {
        CouncilDocument document = get(actor, documentId);
        if (document.isHidden()) {
            throw notFound(documentId);
        }
        return files.get(document.getDocumentId());
    }

    private static NotFoundException notFound(long documentId) {
        return new NotFoundException("council.document.notFound", documentId);
    }
}
