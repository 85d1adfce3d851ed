package org.agora.moderation;

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
import org.agora.shared.DistrictCode;

/**
 * One line of the audit log: who did what to what, when, why, and the state before and after. Appended, never
 * changed: the entity has no mutator, its columns are not updatable, and the database refuses UPDATE and DELETE on
 * its table (migration V20).
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @SequenceGenerator(name = "audit_log_ids", sequenceName = "audit_log_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_log_ids")
    private Long id;

    @Column(name = "acted_at", nullable = false, updatable = false)
    private OffsetDateTime actedAt;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(nullable = false, updatable = false, length = 40)
    private String action;

    @Column(name = "subject_kind", nullable = false, updatable = false, length = 20)
    private String subjectKind;

    @Column(nullable = false, updatable = false, length = 100)
    private String subject;

    @Column(name = "district_code", updatable = false, length = 32)
    private String districtCode;

    @Column(updatable = false, length = 1000)
    private String reason;

    @Column(name = "before_state", updatable = false, length = 100)
    private String beforeState;

    @Column(name = "after_state", updatable = false, length = 100)
    private String afterState;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(Instant at, String actor, AuditAction action, String subjectKind, String subject,
               Optional<DistrictCode> district, String reason, String before, String after) {
        this.actedAt = at.atOffset(ZoneOffset.UTC);
        this.actor = actor;
        this.action = action.name();
        this.subjectKind = subjectKind;
        this.subject = subject;
        this.districtCode = district.map(DistrictCode::value).orElse(null);
        this.reason = reason == null ? null : cut(reason, 1000);
        this.beforeState = before == null ? null : cut(before, 100);
        this.afterState = after == null ? null : cut(after, 100);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getActedAt() {
        return actedAt.toInstant();
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return AuditAction.valueOf(action);
    }

    /** What the act was on: an item kind (COMMENT, BUDGET_PROJECT...) or RESIDENT. */
    public String getSubjectKind() {
        return subjectKind;
    }

    /** The item's id, or the resident's username. */
    public String getSubject() {
        return subject;
    }

    public Optional<DistrictCode> getDistrict() {
        return Optional.ofNullable(districtCode).map(DistrictCode::new);
    }

    public Optional<String> getReason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> getBefore() {
        return Optional.ofNullable(beforeState);
    }

    public Optional<String> getAfter() {
        return Optional.ofNullable(afterState);
    }
}
