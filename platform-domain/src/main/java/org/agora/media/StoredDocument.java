package org.agora.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An accepted document as kept by the platform, in the database and so outside any web root. It is never
 * changed once stored, and it has no address of its own: the capability that holds it (a council's documents,
 * a meeting's minutes) decides who may download it.
 */
@Entity
@Table(name = "documents")
public class StoredDocument {

    @Id
    @SequenceGenerator(name = "document_ids", sequenceName = "document_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_ids")
    private Long id;

    @Column(name = "file_name", nullable = false, length = 160)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "byte_size", nullable = false)
    private int byteSize;

    // BYTEA in the migration; lists of documents keep the id, not the entity, so they never read this
    @Column(nullable = false, updatable = false)
    private byte[] bytes;

    @Column(name = "uploaded_by", nullable = false, length = 100)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected StoredDocument() {
        // for JPA
    }

    public StoredDocument(DocumentFile file, String uploadedBy, Instant uploadedAt) {
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.byteSize = file.size();
        this.bytes = file.bytes();
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = uploadedAt.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    /** The name to download it under, with the extension of its format. */
    public String getFileName() {
        return fileName;
    }

    /** The type found in its content when it was uploaded. */
    public String getContentType() {
        return contentType;
    }

    public DocumentFormat getFormat() {
        return DocumentFormat.ofContentType(contentType).orElseThrow();
    }

    /** The size in bytes. */
    public int getByteSize() {
        return byteSize;
    }

    /** A copy of the document's bytes. */
    public byte[] getBytes() {
        return bytes.clone();
    }

    /** Writes the document's bytes, without copying them first (for serving them). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt.toInstant();
    }
}
