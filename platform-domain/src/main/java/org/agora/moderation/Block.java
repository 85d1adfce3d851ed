package org.agora.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A resident blocked by a moderator, with the reason they are shown: they may no longer post, report, support or vote.
 * Unblocking removes the row; the audit log keeps both acts and their reasons.
 */
@Entity
@Table(name = "resident_blocks")
public class Block {

    @Id
    @Column(length = 100)
    private String username;

    @Column(nullable = false, length = ModerationCase.MAX_REASON)
    private String reason;

    @Column(name = "blocked_by", nullable = false, length = 100)
    private String blockedBy;

    @Column(name = "blocked_at", nullable = false)
    private OffsetDateTime blockedAt;

    @Version
    private int version;

    protected Block() {
        // for JPA
    }

    Block(String username, String reason, String blockedBy, Instant now) {
        this.username = username;
        this.reason = ModerationCase.reason(reason);
        this.blockedBy = blockedBy;
        this.blockedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String getUsername() {
        return username;
    }

    public String getReason() {
        return reason;
    }

    public String getBlockedBy() {
        return blockedBy;
    }

    public Instant getBlockedAt() {
        return blockedAt.toInstant();
    }
}
