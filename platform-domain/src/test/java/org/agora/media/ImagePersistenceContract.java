package org.agora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/** Storing and reading images against a real database; run on H2 and on PostgreSQL by the subclasses. */
abstract class ImagePersistenceContract extends DatabaseTest {

    private <T> T images(Function<ImageService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).images()));
    }

    private long storedCount() {
        return db().inTransaction(em -> em.createQuery("select count(i) from StoredImage i", Long.class)
                .getSingleResult());
    }

    @Test
    void pngIsStoredAndReadBackByteForByte() {
        byte[] png = TestImages.png(64, 48);
        Instant before = Instant.now();

        long id = images(i -> i.store("resident1", "jardin.png", png)).getId();

        StoredImage image = images(i -> i.get(id));
        assertThat(image.getContentType()).isEqualTo("image/png");
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        assertThat(image.getByteSize()).isEqualTo(png.length);
        assertThat(image.getBytes()).isEqualTo(png);
        assertThat(image.getUploadedBy()).isEqualTo("resident1");
        assertThat(image.getUploadedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void jpegIsStoredAndWrittenOutWhole() throws IOException {
        byte[] jpeg = TestImages.jpeg(300, 200);
        long id = images(i -> i.store("agent", "place.jpg", jpeg)).getId();

        StoredImage image = images(i -> i.get(id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.writeTo(out);

        assertThat(image.getContentType()).isEqualTo("image/jpeg");
        assertThat(out.toByteArray()).isEqualTo(jpeg);
    }

    @Test
    void imageOfTheLargestSizeIsStoredWhole() {
        byte[] large = TestImages.pngOfSize(ImageFile.MAX_BYTES);

        long id = images(i -> i.store("agent", "affiche.png", large)).getId();

        assertThat(images(i -> i.get(id)).getBytes()).isEqualTo(large);
    }

    @Test
    void eachUploadIsANewImage() {
        byte[] png = TestImages.png(10, 10);
        long first = images(i -> i.store("resident1", "a.png", png)).getId();
        long second = images(i -> i.store("resident1", "a.png", png)).getId();

        assertThat(second).isNotEqualTo(first);
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void imageIdsCannotBeFoundByCounting() {
        byte[] png = TestImages.png(10, 10);
        for (int i = 0; i < 5; i++) {
            long id = images(images -> images.store("resident1", "a.png", png)).getId();
            assertThat(id).isBetween(1L << 52, (1L << 53) - 1);
        }
    }

    @Test
    void aReplacedOrRemovedCoverIsDeletedAndAnImageStillShownStays() {
        org.agora.shared.Actor office = new org.agora.shared.Actor("officeadmin",
                java.util.Set.of(org.agora.shared.Role.OFFICE_ADMIN), Optional.empty(), java.util.Set.of());
        Instant opens = Instant.parse("2030-01-01T10:00:00Z");
        long consultation = db().inTransaction(em -> Services.on(em).consultations().create(office,
                new org.agora.consultation.ConsultationDraft("Couverture", "<p>Texte</p>", null, null, opens,
                        opens.plusSeconds(86_400), false, false))).getId();
        long first = db().inTransaction(em -> Services.on(em).consultations().changeCover(office, consultation, "a.png",
                TestImages.png(10, 10))).getCoverImageId();
        long second = db().inTransaction(em -> Services.on(em).consultations().changeCover(office, consultation, "b.png",
                TestImages.png(12, 10))).getCoverImageId();
        assertThat(this.<Optional<StoredImage>>images(i -> i.find(first))).as("replaced: gone").isEmpty();
        images(i -> {
            i.removeIfUnused(second);
            return null;
        });
        assertThat(this.<Optional<StoredImage>>images(i -> i.find(second))).as("still the cover: kept").isPresent();
        db().inTransaction(em -> Services.on(em).consultations().removeCover(office, consultation));
        assertThat(this.<Optional<StoredImage>>images(i -> i.find(second))).as("removed: gone").isEmpty();
    }

    @Test
    void pdfNamedLikeAPhotoIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> images(i -> i.store("resident1", "photo.jpg", TestImages.pdf())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.image.notAnImage");
                    assertThat(e.field()).contains("file");
                });
        assertThat(storedCount()).isZero();
    }

    @Test
    void pngUnderAJpegNameIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> images(i -> i.store("resident1", "photo.jpg", TestImages.png(5, 5))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("media.image.wrongExtension"));
        assertThat(storedCount()).isZero();
    }

    @Test
    void unknownImageIsNotFound() {
        assertThatThrownBy(() -> images(i -> i.get(987_654_321L)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.image.notFound");
                    assertThat(e.arguments()).containsExactly("987654321");
                });
        Optional<StoredImage> none = images(i -> i.find(987_654_321L));
        assertThat(none).isEmpty();
    }

    @Test
    void databaseRefusesAnotherContentTypeOrAWrongSizeEvenWithoutTheApplicationsCheck() {
        assertThatThrownBy(() -> insert(900_001L, "image/svg+xml", 3)).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insert(900_002L, "image/png", 4)).hasCauseInstanceOf(SQLException.class);
        insert(900_003L, "image/png", 3);
        assertThat(storedCount()).isEqualTo(1);
    }

    /** Plain JDBC on the transaction's connection: a bound byte array is the one way to write bytes on both. */
    private void insert(long id, String contentType, int byteSize) {
        db().inTransaction(em -> {
            String sql = "INSERT INTO images (id, content_type, width, height, byte_size, bytes, uploaded_by, uploaded_at)"
                    + " VALUES (?, ?, 1, 1, ?, ?, 'sql', ?)";
            try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement(sql)) {
                insert.setLong(1, id);
                insert.setString(2, contentType);
                insert.setInt(3, byteSize);
                insert.setBytes(4, new byte[] {1, 2, 3});
                insert.setObject(5, OffsetDateTime.now());
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
