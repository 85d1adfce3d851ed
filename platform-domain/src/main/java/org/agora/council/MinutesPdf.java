package org.agora.council;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The PDF of a meeting's minutes, checked as a {@link MinutesFile}; a new upload replaces it. */
@Entity
@Table(name = "meeting_minutes_files")
public class MinutesPdf {

    @Id
    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "file_name", nullable = false, length = MinutesFile.MAX_NAME)
    private String fileName;

    @Column(name = "byte_size", nullable = false)
    private int byteSize;

    @Column(nullable = false)
    private byte[] bytes;

    @Column(name = "uploaded_by", nullable = false, length = 100)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected MinutesPdf() {
        // for JPA
    }

    MinutesPdf(long meetingId, MinutesFile file, String uploadedBy, Instant now) {
        this.meetingId = meetingId;
        replace(file, uploadedBy, now);
    }

    void replace(MinutesFile file, String by, Instant now) {
        fileName = file.name();
        bytes = file.bytes();
        byteSize = bytes.length;
        uploadedBy = by;
        uploadedAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getFileName() {
        return fileName;
    }

    public int getByteSize() {
        return byteSize;
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    public Instant getUploadedAt() {
        return uploadedAt.toInstant();
    }
}
