package org.agora.council;

import org.agora.moderation.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.agora.media.StoredDocument;

/**
 * A document a council publishes (a report, a plan, a presentation), public or for its members only. The file
 * itself is a {@link StoredDocument}; this row says whose it is, under which title and for whom, and repeats
 * the file's name, type and size so that a list never reads the files.
 */
@Entity
@Table(name = "council_documents")
public class CouncilDocument {

    public static final int MAX_TITLE = 200;

    @Id
    @SequenceGenerator(name = "council_document_ids", sequenceName = "council_document_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_document_ids")
    private Long id;

    @Column(name = "council_id", nullable = false)
    private Long councilId;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "members_only", nullable = false)
    private boolean membersOnly;

    @Column(name = "file_name", nullable = false, length = 160)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "byte_size", nullable = false)
    private int byteSize;

    @Column(name = "published_by", nullable = false, length = 100)
    private String publishedBy;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "hidden_state", length = 20)
    private String hiddenState;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    protected CouncilDocument() {
        // for JPA
    }

    CouncilDocument(Council council, String title, boolean membersOnly, StoredDocument file, String publishedBy,
                    Instant now) {
        this.councilId = council.getId();
        this.title = title;
        this.membersOnly = membersOnly;
        this.documentId = file.getId();
        this.fileName = file.getFileName();
        this.contentType = file.getContentType();
        this.byteSize = file.getByteSize();
        this.publishedBy = publishedBy;
        this.publishedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The title as the form gave it, checked: required, on one line, at most {@value #MAX_TITLE} characters. */
    static String checkedTitle(String raw) {
        return CouncilTexts.title("title", raw, MAX_TITLE);
    }

    public Long getId() {
        return id;
    }

    public Long getCouncilId() {
        return councilId;
    }

    /** The stored file's id, in {@code documents}. */
    public Long getDocumentId() {
        return documentId;
    }

    public String getTitle() {
        return title;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    /** The size in bytes. */
    public int getByteSize() {
        return byteSize;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt.toInstant();
    }

    /** Whether moderation shows it: visible, hidden pending review, or hidden with a public reason. */
    public Visibility getVisibility() {
        return Visibility.of(hiddenState, hiddenReason);
    }

    public boolean isHidden() {
        return hiddenState != null;
    }

    /** Shown or hidden by moderation (through {@link DocumentModeration}). */
    void show(Visibility visibility) {
        hiddenState = visibility.column();
        hiddenReason = visibility.reasonColumn();
    }
}
