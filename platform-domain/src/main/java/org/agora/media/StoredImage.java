package org.agora.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An accepted image as kept by the platform (a consultation's cover, a budget project's photo, a council's
 * cover), without the metadata its camera wrote ({@link ImageMetadata}). Never changed once stored: a new picture is
 * a new image with a new id. Removed from what showed it, it is deleted ({@link ImageService#removeIfUnused}).
 */
@Entity
@Table(name = "images")
public class StoredImage {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * Random, not from a sequence: an image's address is its id, and the pictures of a draft or a hidden project must
     * not be found by counting (2^52 ids: a collision is as likely as guessing one).
     */
    @Id
    private Long id;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "byte_size", nullable = false)
    private int byteSize;

    // BYTEA in the migration: PostgreSQL's binary type, and H2's name for BINARY VARYING
    @Column(nullable = false, updatable = false)
    private byte[] bytes;

    @Column(name = "uploaded_by", nullable = false, length = 100)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected StoredImage() {
        // for JPA
    }

    public StoredImage(ImageFile file, String uploadedBy, Instant uploadedAt) {
        // between 2^52 and 2^53: never a small number, and still exact as a JSON number in a browser's JavaScript
        this.id = (1L << 52) | (RANDOM.nextLong() & ((1L << 52) - 1));
        this.contentType = file.contentType();
        this.width = file.width();
        this.height = file.height();
        this.byteSize = file.size();
        this.bytes = file.bytes();
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = uploadedAt.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public String getContentType() {
        return contentType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    /** The size in bytes. */
    public int getByteSize() {
        return byteSize;
    }

    /** A copy of the image's bytes. */
    public byte[] getBytes() {
        return bytes.clone();
    }

    /** Writes the image's bytes, without copying them first (for serving them). */
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
