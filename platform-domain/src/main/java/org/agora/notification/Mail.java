package org.agora.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A mail in the outbox: queued with the action that causes it, claimed by one instance's worker at a time, sent,
 * retried on a schedule ({@link RetrySchedule}) or given up. Its address and text are made when it is sent.
 * The worker changes it through {@link MailQueue}'s conditional updates, never by loading and saving it, so two
 * instances never both hold it.
 */
@Entity
@Table(name = "mails")
public class Mail {

    static final int MAX_ERROR = 1000;

    @Id
    @SequenceGenerator(name = "mail_ids", sequenceName = "mail_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_ids")
    private Long id;

    @Column(nullable = false, length = 100)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private NotificationKind kind;

    @Column(name = "event_key", nullable = false, length = 100)
    private String event;

    @Column(nullable = false, length = NoticeArguments.MAX_LENGTH)
    private String arguments;

    @Column(length = 500)
    private String link;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "sent_to", length = 320)
    private String sentTo;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    /** The newsletter this mail is one copy of (null for the others, and for a test send): one per person, by key. */
    @Column(name = "newsletter_id")
    private Long newsletterId;

    protected Mail() {
        // for JPA
    }

    Mail(Notice notice, Instant now) {
        this.recipient = notice.recipient();
        this.kind = notice.kind();
        this.event = notice.event();
        this.arguments = NoticeArguments.encode(notice.arguments());
        this.link = notice.link();
        this.status = MailStatus.PENDING;
        this.nextAttemptAt = now.atOffset(ZoneOffset.UTC);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A copy of a newsletter for one person: the key (newsletter, recipient) lets one in. */
    Mail(Notice notice, long newsletterId, Instant now) {
        this(notice, now);
        this.newsletterId = newsletterId;
    }

    /** The notice it was queued for. */
    public Notice notice() {
        return new Notice(recipient, kind, event, NoticeArguments.decode(arguments), link);
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getEvent() {
        return event;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt.toInstant();
    }

    public Optional<String> getClaimedBy() {
        return Optional.ofNullable(claimedBy);
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> getLastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> getSentTo() {
        return Optional.ofNullable(sentTo);
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Optional<Long> getNewsletterId() {
        return Optional.ofNullable(newsletterId);
    }

    public Optional<Instant> getSentAt() {
        return Optional.ofNullable(sentAt).map(OffsetDateTime::toInstant);
    }

    static String shortened(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error.strip();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR - 1) + "…" : text;
    }
}
