package org.agora.participation;

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

/**
 * One change to a resident's district or birth year on the register: who made it, when, why, and the values before
 * and after. Kept for good; it is also how the district a person had at a given moment (when a vote opened) is known.
 */
@Entity
@Table(name = "resident_changes")
public class ResidentChange {

    /** What changed. */
    public enum Field { DISTRICT, BIRTH_YEAR }

    public static final int MAX_REASON = 500;

    @Id
    @SequenceGenerator(name = "resident_change_ids", sequenceName = "resident_change_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resident_change_ids")
    private Long id;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Field field;

    @Column(name = "before_value", length = 200)
    private String before;

    @Column(name = "after_value", length = 200)
    private String after;

    @Column(nullable = false, length = MAX_REASON)
    private String reason;

    protected ResidentChange() {
        // for JPA
    }

    ResidentChange(long residentId, Instant at, String by, Field field, String before, String after, String reason) {
        this.residentId = residentId;
        this.changedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        this.changedBy = by;
        this.field = field;
        this.before = before;
        this.after = after;
        this.reason = reason;
    }

    public Instant getChangedAt() {
        return changedAt.toInstant();
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Field getField() {
        return field;
    }

    public Optional<String> getBefore() {
        return Optional.ofNullable(before);
    }

    public Optional<String> getAfter() {
        return Optional.ofNullable(after);
    }

    public String getReason() {
        return reason;
    }
}
