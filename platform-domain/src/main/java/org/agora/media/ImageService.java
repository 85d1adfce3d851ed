package org.agora.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
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

    /**
     * Deletes the image once nothing shows it any more (a project's photo removed, a cover replaced or removed), so
     * its address answers 404; an image still used elsewhere (a duplicated consultation's cover) stays.
     */
    public void removeIfUnused(Long id) {
        if (id == null) {
            return;
        }
        em.flush();
        long uses = 0;
        for (String sql : List.of("select count(*) from project_images where image_id = ?1",
                "select count(*) from consultations where cover_image_id = ?1",
                "select count(*) from councils where cover_image_id = ?1",
                "select count(*) from followup_updates where image_id = ?1")) {
            uses += ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
        }
        if (uses == 0) {
            find(id).ifPresent(em::remove);
            em.flush();
        }
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
