package org.agora.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.agora.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeping and reading documents (PDF, office files, pictures) that councils publish. An upload is checked
 * ({@link DocumentFile}) before anything is stored; who may upload and download what is decided by the
 * capability that asks. The size limit is {@code agora.documents.max-megabytes} (10 by default).
 */
@ApplicationScoped
@Transactional
public class DocumentService {

    private EntityManager em;
    private int maxMegabytes;

    protected DocumentService() {
        // for CDI
    }

    /** The entity manager and the size limit: injected by CDI, or given by hand outside a container. */
    @Inject
    public DocumentService(EntityManager em, @ConfigProperty(name = "agora.documents.max-megabytes",
            defaultValue = "" + DocumentFile.DEFAULT_MAX_MEGABYTES) int maxMegabytes) {
        this.em = em;
        this.maxMegabytes = maxMegabytes;
    }

    /** Checks the uploaded file without storing it (for a use case that checks everything before it writes). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DocumentFile check(String fileName, byte[] bytes) {
        return DocumentFile.read(fileName, bytes, maxMegabytes);
    }

    /** Checks the uploaded file and stores it as a new document; refused with the reason, nothing stored. */
    public StoredDocument store(String uploadedBy, String fileName, byte[] bytes) {
        return store(uploadedBy, check(fileName, bytes));
    }

    /** Stores a checked file as a new document. */
    public StoredDocument store(String uploadedBy, DocumentFile file) {
        StoredDocument document = new StoredDocument(file, uploadedBy, Instant.now());
        em.persist(document);
        em.flush();
        return document;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int maxMegabytes() {
        return maxMegabytes;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredDocument> find(long id) {
        return Optional.ofNullable(em.find(StoredDocument.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDocument get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("media.document.notFound", String.valueOf(id)));
    }
}
