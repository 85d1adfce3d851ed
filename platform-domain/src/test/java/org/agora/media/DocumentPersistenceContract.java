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

/** Storing and reading documents against a real database; run on H2 and on PostgreSQL by the subclasses. */
abstract class DocumentPersistenceContract extends DatabaseTest {

    private <T> T documents(Function<DocumentService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).documents()));
    }

    private long storedCount() {
        return db().inTransaction(em -> em.createQuery("select count(d) from StoredDocument d", Long.class)
                .getSingleResult());
    }

    @Test
    void pdfIsStoredAndReadBackByteForByte() {
        byte[] pdf = TestDocuments.pdf();
        Instant before = Instant.now();

        long id = documents(d -> d.store("agent", "compte-rendu.pdf", pdf)).getId();

        StoredDocument document = documents(d -> d.get(id));
        assertThat(document.getFileName()).isEqualTo("compte-rendu.pdf");
        assertThat(document.getContentType()).isEqualTo("application/pdf");
        assertThat(document.getFormat()).isEqualTo(DocumentFormat.PDF);
        assertThat(document.getByteSize()).isEqualTo(pdf.length);
        assertThat(document.getBytes()).isEqualTo(pdf);
        assertThat(document.getUploadedBy()).isEqualTo("agent");
        assertThat(document.getUploadedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void officeDocumentIsStoredWithTheTypeOfItsContentAndWrittenOutWhole() throws IOException {
        byte[] docx = TestDocuments.docx("Ordre du jour : le square");
        long id = documents(d -> d.store("agent", "ordre du jour", docx)).getId();

        StoredDocument document = documents(d -> d.get(id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.writeTo(out);

        assertThat(document.getFileName()).isEqualTo("ordre du jour.docx");
        assertThat(document.getContentType()).isEqualTo(DocumentFormat.DOCX.contentType());
        assertThat(out.toByteArray()).isEqualTo(docx);
    }

    @Test
    void documentOfTheLargestSizeIsStoredWhole() {
        byte[] large = TestDocuments.pdfOfSize(DocumentFile.DEFAULT_MAX_MEGABYTES * 1024 * 1024);

        long id = documents(d -> d.store("agent", "plan.pdf", large)).getId();

        assertThat(documents(d -> d.get(id)).getBytes()).isEqualTo(large);
    }

    @Test
    void textNamedLikeAPdfIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> documents(d -> d.store("agent", "rapport.pdf", TestDocuments.text("pas un PDF"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.document.notWhatItsNameSays");
                    assertThat(e.field()).contains("file");
                });
        assertThat(storedCount()).isZero();
    }

    @Test
    void oversizedDocumentIsRefusedAndNothingIsStored() {
        byte[] tooLarge = TestDocuments.pdfOfSize(DocumentFile.DEFAULT_MAX_MEGABYTES * 1024 * 1024 + 1);

        assertThatThrownBy(() -> documents(d -> d.store("agent", "plan.pdf", tooLarge)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("media.document.tooLarge"));
        assertThat(storedCount()).isZero();
    }

    @Test
    void unknownDocumentIsNotFound() {
        assertThatThrownBy(() -> documents(d -> d.get(987_654_321L)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.document.notFound");
                    assertThat(e.arguments()).containsExactly("987654321");
                });
        Optional<StoredDocument> none = documents(d -> d.find(987_654_321L));
        assertThat(none).isEmpty();
    }

    @Test
    void databaseRefusesAnotherContentTypeOrAWrongSizeEvenWithoutTheApplicationsCheck() {
        assertThatThrownBy(() -> insert(900_001L, "text/html", 3)).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insert(900_002L, "application/pdf", 4)).hasCauseInstanceOf(SQLException.class);
        insert(900_003L, "application/pdf", 3);
        assertThat(storedCount()).isEqualTo(1);
    }

    /** Plain JDBC on the transaction's connection: a bound byte array is the one way to write bytes on both. */
    private void insert(long id, String contentType, int byteSize) {
        db().inTransaction(em -> {
            String sql = "INSERT INTO documents (id, file_name, content_type, byte_size, bytes, uploaded_by, uploaded_at)"
                    + " VALUES (?, 'a.pdf', ?, ?, ?, 'sql', ?)";
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
