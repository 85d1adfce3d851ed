package org.agora.budget.followup;

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
import java.util.Optional;
import org.agora.shared.InvalidInputException;

/**
 * A dated piece of news on a winning project's implementation, posted by staff for residents: a plain text of at
 * most {@value #MAX_TEXT} characters and an optional photo (an image checked like any upload). Never changed.
 */
@Entity
@Table(name = "followup_updates")
public class FollowUpUpdate {

    public static final int MAX_TEXT = 4000;

    @Id
    @SequenceGenerator(name = "followup_update_ids", sequenceName = "followup_update_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "followup_update_ids")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "posted_at", nullable = false)
    private OffsetDateTime postedAt;

    @Column(name = "body", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(name = "image_id")
    private Long imageId;

    protected FollowUpUpdate() {
        // for JPA
    }

    FollowUpUpdate(Long projectId, String author, String text, Instant now) {
        String checked = text == null ? "" : text.strip();
        if (checked.isEmpty()) {
            throw new InvalidInputException("text", "budget.followup.textRequired");
        }
        if (checked.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "validation.tooLong", MAX_TEXT);
        }
        this.projectId = projectId;
        this.author = author;
        this.text = checked;
        this.postedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Shows the stored image with the update; only before the update is stored, since an update never changes. */
    void illustrate(long storedImageId) {
        if (id != null) {
            throw new IllegalStateException("update " + id + " is already stored");
        }
        imageId = storedImageId;
    }

    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Instant getPostedAt() {
        return postedAt.toInstant();
    }

    public String getText() {
        return text;
    }

    /** Who posted it (staff); kept for the record, not shown to residents. */
    public String getAuthor() {
        return author;
    }

    /** The photo, served at {@code /images/{id}}. */
    public Optional<Long> getImageId() {
        return Optional.ofNullable(imageId);
    }
}
