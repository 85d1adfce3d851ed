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
import org.agora.shared.ConflictException;

/**
 * One person's membership of one council, kept as one row whose {@link MembershipStatus} moves: joining an open
 * council makes a member at once, one that needs approval records a request an animator approves or refuses. A
 * person removed by an animator may come back only through a request, whatever the council's setting. The person
 * appears to the other members by the display name they had when they joined, never by their e-mail address.
 */
@Entity
@Table(name = "council_memberships")
public class Membership {

    public static final int MAX_DISPLAY_NAME = 200;

    @Id
    @SequenceGenerator(name = "council_membership_ids", sequenceName = "council_membership_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_membership_ids")
    private Long id;

    @Column(name = "council_id", nullable = false)
    private Long councilId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MembershipStatus status;

    @Column(name = "asked_at", nullable = false)
    private OffsetDateTime askedAt;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @Version
    private int version;

    protected Membership() {
        // for JPA
    }

    /** A first step into the council: a request, or a membership when the council needs no approval. */
    static Membership join(Council council, String username, String displayName, Instant now) {
        Membership membership = new Membership();
        membership.councilId = council.getId();
        membership.username = username;
        membership.enter(council.isApprovalRequired(), displayName, now);
        return membership;
    }

    /** Joins or asks again after leaving, being refused or removed; refused while a member or asking. */
    void rejoin(Council council, String newDisplayName, Instant now) {
        if (status.isActive()) {
            throw new ConflictException(null, status == MembershipStatus.MEMBER
                    ? "council.membership.alreadyMember" : "council.membership.alreadyRequested");
        }
        enter(council.isApprovalRequired() || status == MembershipStatus.REMOVED, newDisplayName, now);
    }

    private void enter(boolean needsApproval, String newDisplayName, Instant now) {
        displayName = displayName(newDisplayName, username);
        status = needsApproval ? MembershipStatus.REQUESTED : MembershipStatus.MEMBER;
        askedAt = now.atOffset(ZoneOffset.UTC);
        changed(username, now);
    }

    /** Leaves the council, or withdraws one's request. */
    void leave(Instant now) {
        if (!status.isActive()) {
            throw new ConflictException(null, "council.membership.notMember");
        }
        status = MembershipStatus.LEFT;
        changed(username, now);
    }

    void approve(String animator, Instant now) {
        requireStatus(MembershipStatus.REQUESTED, "council.membership.notRequested");
        status = MembershipStatus.MEMBER;
        changed(animator, now);
    }

    void refuse(String animator, Instant now) {
        requireStatus(MembershipStatus.REQUESTED, "council.membership.notRequested");
        status = MembershipStatus.REFUSED;
        changed(animator, now);
    }

    void remove(String animator, Instant now) {
        requireStatus(MembershipStatus.MEMBER, "council.membership.notMember");
        status = MembershipStatus.REMOVED;
        changed(animator, now);
    }

    private void requireStatus(MembershipStatus expected, String key) {
        if (status != expected) {
            throw new ConflictException(null, key);
        }
    }

    private void changed(String by, Instant now) {
        changedBy = by;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The name shown to other members: the given display name, cut to its limit, or the username without one. */
    static String displayName(String given, String username) {
        String name = given == null ? "" : given.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.contains("@")) {
            // never an e-mail address, even one a person chose as their name or as their username
            name = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        }
        return name.length() > MAX_DISPLAY_NAME ? name.substring(0, MAX_DISPLAY_NAME) : name;
    }

    public Long getId() {
        return id;
    }

    public Long getCouncilId() {
        return councilId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public boolean isMember() {
        return status == MembershipStatus.MEMBER;
    }

    /** When the person last joined or asked to. */
    public Instant getAskedAt() {
        return askedAt.toInstant();
    }

    public Instant getChangedAt() {
        return changedAt.toInstant();
    }
}
