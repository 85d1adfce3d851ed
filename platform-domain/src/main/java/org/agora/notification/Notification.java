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
import java.util.List;
import java.util.Optional;

/**
 * One thing a person was told in the app. It keeps the event and its values, not a text, so it reads in the
 * language of the page; it is read once the person opens or marks it.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    @SequenceGenerator(name = "notification_ids", sequenceName = "notification_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_ids")
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

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
        // for JPA
    }

    Notification(Notice notice, Instant now) {
        this.recipient = notice.recipient();
        this.kind = notice.kind();
        this.event = notice.event();
        this.arguments = NoticeArguments.encode(notice.arguments());
        this.link = notice.link();
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Marks it read; reading it again keeps the first time. */
    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now.atOffset(ZoneOffset.UTC);
        }
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

    /** The event's message key in the notification bundle, without the {@code notification.} prefix. */
    public String getEvent() {
        return event;
    }

    public List<Object> getArguments() {
        return NoticeArguments.decode(arguments);
    }

    public Optional<String> getLink() {
        return Optional.ofNullable(link);
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public boolean isRead() {
        return readAt != null;
    }

    public Optional<Instant> getReadAt() {
        return Optional.ofNullable(readAt).map(OffsetDateTime::toInstant);
    }
}
