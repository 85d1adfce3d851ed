package org.agora.newsletter;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.shared.DistrictCode;
import org.agora.shared.ConflictException;

/**
 * A newsletter: its text ({@link NewsletterText}) and audience ({@link Audience}), changed while it is a draft, then
 * sent once ({@link #send}): from then on it is public and never changes. Its copies are queued in batches after the
 * sending; the newsletter records how far the queueing went.
 */
@Entity
@Table(name = "newsletters")
public class Newsletter {

    @Id
    @SequenceGenerator(name = "newsletter_ids", sequenceName = "newsletter_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "newsletter_ids")
    private Long id;

    @Column(name = "subject_fr", nullable = false, length = NewsletterText.MAX_SUBJECT)
    private String subjectFr;

    @Column(name = "body_fr", nullable = false, length = NewsletterText.MAX_BODY)
    private String bodyFr;

    @Column(name = "subject_en", length = NewsletterText.MAX_SUBJECT)
    private String subjectEn;

    @Column(name = "body_en", length = NewsletterText.MAX_BODY)
    private String bodyEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private NewsletterStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "newsletter_districts", joinColumns = @JoinColumn(name = "newsletter_id"))
    @Column(name = "district_code", nullable = false, length = 32)
    private Set<String> districts = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "newsletter_themes", joinColumns = @JoinColumn(name = "newsletter_id"))
    @Column(name = "theme_id", nullable = false)
    private Set<Long> themes = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "participation_kind", length = 30)
    private Participation participationKind;

    @Column(name = "participation_ref")
    private Long participationRef;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "sent_by", length = 100)
    private String sentBy;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "queue_cursor", length = 100)
    private String queueCursor;

    @Column(name = "queued_count", nullable = false)
    private int queuedCount;

    @Column(name = "queued_at")
    private OffsetDateTime queuedAt;

    @Version
    private int version;

    protected Newsletter() {
        // for JPA
    }

    Newsletter(NewsletterText text, Audience audience, String author, Instant now) {
        this.status = NewsletterStatus.DRAFT;
        this.createdBy = author;
        this.createdAt = utc(now);
        write(text, audience, now);
    }

    /** Changes the text and the audience of a draft; a sent newsletter is refused. */
    void edit(NewsletterText text, Audience audience, Instant now) {
        requireDraft();
        write(text, audience, now);
    }

    /** Sends it: from now on public and unchangeable; refused when it was already sent. */
    void send(String sender, Instant now) {
        requireDraft();
        status = NewsletterStatus.SENT;
        sentBy = sender;
        sentAt = utc(now);
        updatedAt = utc(now);
    }

    /** One more batch queued, up to this recipient; {@code last} when the audience is exhausted. */
    void queued(Optional<String> lastRecipient, int count, boolean last, Instant now) {
        lastRecipient.ifPresent(r -> queueCursor = r);
        queuedCount += count;
        if (last) {
            queuedAt = utc(now);
        }
    }

    private void requireDraft() {
        if (status != NewsletterStatus.DRAFT) {
            throw new ConflictException(null, "newsletter.alreadySent");
        }
    }

    private void write(NewsletterText text, Audience audience, Instant now) {
        subjectFr = text.subjectFr();
        bodyFr = text.bodyFr();
        subjectEn = text.subjectEn().orElse(null);
        bodyEn = text.bodyEn().orElse(null);
        districts.retainAll(audience.districts().stream().map(DistrictCode::value).collect(Collectors.toSet()));
        audience.districts().forEach(d -> districts.add(d.value()));
        themes.retainAll(audience.themes());
        themes.addAll(audience.themes());
        participationKind = audience.participation().map(Audience.Filter::kind).orElse(null);
        participationRef = audience.participation().map(Audience.Filter::id).orElse(null);
        updatedAt = utc(now);
    }

    public Long getId() {
        return id;
    }

    public NewsletterText getText() {
        return new NewsletterText(subjectFr, bodyFr, Optional.ofNullable(subjectEn), Optional.ofNullable(bodyEn));
    }

    public Audience getAudience() {
        return new Audience(districts.stream().map(DistrictCode::new).collect(Collectors.toSet()), Set.copyOf(themes),
                Optional.ofNullable(participationKind).map(k -> new Audience.Filter(k, participationRef)));
    }

    public NewsletterStatus getStatus() {
        return status;
    }

    public boolean isSent() {
        return status == NewsletterStatus.SENT;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Instant getUpdatedAt() {
        return updatedAt.toInstant();
    }

    public Optional<String> getSentBy() {
        return Optional.ofNullable(sentBy);
    }

    public Optional<Instant> getSentAt() {
        return Optional.ofNullable(sentAt).map(OffsetDateTime::toInstant);
    }

    Optional<String> getQueueCursor() {
        return Optional.ofNullable(queueCursor);
    }

    /** How many copies were queued so far. */
    public int getQueuedCount() {
        return queuedCount;
    }

    /** Whether every copy is queued (the audience exhausted). */
    public boolean isFullyQueued() {
        return queuedAt != null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
