package org.agora.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.agora.shared.NotFoundException;

/**
 * Keeping and reading the images that consultations, budget projects and councils show. An upload is checked
 * ({@link ImageFile}) before anything is stored; who may upload for what is decided by the capability that asks.
 */
@ApplicationScoped
@Transactional
public class ImageService {

    private EntityManager em;

    protected ImageService() {
        // for CDI
    }

    /** The entity manager: injected by CDI, or given by hand outside a container. */
    @Inject
    public ImageService(EntityManager em) {
        this.em = em;
    }

    /** Checks the uploaded file and stores it as a new image; refused with the reason, nothing stored. */
    public StoredImage store(String uploadedBy, String fileName, byte[] bytes) {
        StoredImage image = new StoredImage(ImageFile.read(fileName, bytes), uploadedBy, Instant.now());
        em.persist(image);
        em.flush();
        return image;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredImage> find(long id) {
        return Optional.ofNullable(em.find(StoredImage.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredImage get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("media.image.notFound", String.valueOf(id)));
    }
}
