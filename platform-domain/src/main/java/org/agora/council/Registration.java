package org.agora.council;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One person's registration for one meeting, one row whose {@link RegistrationStatus} moves. The waiting list is
 * in the order of {@code registeredAt}: registering again after a cancellation goes to the end of it.
 */
@Entity
@Table(name = "meeting_registrations")
public class Registration {

    @Id
    @SequenceGenerator(name = "meeting_registration_ids", sequenceName = "meeting_registration_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_registration_ids")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = Membership.MAX_DISPLAY_NAME)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RegistrationStatus status;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private int version;

    protected Registration() {
        // for JPA
    }

    Registration(long meetingId, String username, String displayName, RegistrationStatus status, Instant now) {
        this.meetingId = meetingId;
        this.username = username;
        again(displayName, status, now);
    }

    /** Registers again after a cancellation (at the end of the waiting list, if it goes there). */
    void again(String newDisplayName, RegistrationStatus newStatus, Instant now) {
        displayName = Membership.displayName(newDisplayName, username);
        status = newStatus;
        registeredAt = now.atOffset(ZoneOffset.UTC);
        changedAt = registeredAt;
    }

    void cancel(Instant now) {
        status = RegistrationStatus.CANCELLED;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A seat freed up: the first of the waiting list takes it. */
    void promote(Instant now) {
        status = RegistrationStatus.REGISTERED;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public boolean isActive() {
        return status != RegistrationStatus.CANCELLED;
    }

    public Instant getRegisteredAt() {
        return registeredAt.toInstant();
    }
}
