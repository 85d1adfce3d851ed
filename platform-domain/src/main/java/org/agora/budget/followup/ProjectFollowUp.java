package org.agora.budget.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.agora.budget.project.BudgetProject;
import org.agora.shared.InvalidInputException;

/**
 * The implementation follow-up of one winning project, which residents read: its status, its progress from 0 to
 * 100 %, and the dated updates staff post. Delivered means 100 %; abandoned needs a public reason, which any
 * other status clears. It exists only for a winner of its envelope's final tally ({@link FollowUpService}).
 */
@Entity
@Table(name = "project_followups")
public class ProjectFollowUp {

    public static final int MAX_REASON = 2000;
    public static final int COMPLETE = 100;

    @Id
    @Column(name = "project_id")
    private Long projectId;

    @OneToOne(optional = false)
    @JoinColumn(name = "project_id", insertable = false, updatable = false)
    private BudgetProject project;

    @Column(name = "envelope_id", nullable = false)
    private Long envelopeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FollowUpStatus status;

    @Column(nullable = false)
    private int progress;

    @Column(name = "abandon_reason", length = MAX_REASON)
    private String abandonReason;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @Version
    private int version;

    protected ProjectFollowUp() {
        // for JPA
    }

    /** A winner whose follow-up starts: being studied, nothing done yet. */
    static ProjectFollowUp started(BudgetProject winner, String startedBy, Instant now) {
        ProjectFollowUp followUp = new ProjectFollowUp();
        followUp.projectId = winner.getId();
        followUp.project = winner;
        followUp.envelopeId = winner.getEnvelope().getId();
        followUp.status = FollowUpStatus.STUDIED;
        followUp.progress = 0;
        followUp.changedBy = startedBy;
        followUp.changedAt = now.atOffset(ZoneOffset.UTC);
        return followUp;
    }

    /**
     * Sets the status and the progress (in %; none given keeps the current one, or 100 % for a delivery) and, for an
     * abandon, the public reason. Everything is checked before anything changes.
     */
    void change(FollowUpStatus newStatus, Integer newProgress, String reason, String changedBy, Instant now) {
        if (newStatus == null) {
            throw new InvalidInputException("status", "validation.required");
        }
        int wanted = newProgress != null ? newProgress : newStatus == FollowUpStatus.DELIVERED ? COMPLETE : progress;
        if (wanted < 0 || wanted > COMPLETE) {
            throw new InvalidInputException("progress", "budget.followup.progressRange", 0, COMPLETE);
        }
        if (newStatus == FollowUpStatus.DELIVERED && wanted != COMPLETE) {
            throw new InvalidInputException("progress", "budget.followup.deliveredIsComplete");
        }
        String text = reason == null ? "" : reason.strip();
        if (newStatus == FollowUpStatus.ABANDONED && text.isEmpty()) {
            throw new InvalidInputException("reason", "budget.followup.reasonRequired");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "validation.tooLong", MAX_REASON);
        }
        status = newStatus;
        progress = wanted;
        abandonReason = newStatus == FollowUpStatus.ABANDONED ? text : null;
        this.changedBy = changedBy;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A dated update of this project, its text checked; the caller may illustrate it before storing it. */
    FollowUpUpdate post(String author, String text, Instant now) {
        return new FollowUpUpdate(projectId, author, text, now);
    }

    public Long getProjectId() {
        return projectId;
    }

    public BudgetProject getProject() {
        return project;
    }

    public Long getEnvelopeId() {
        return envelopeId;
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    /** How far the works are, in % (0 to 100). */
    public int getProgress() {
        return progress;
    }

    /** Why the project was abandoned; present exactly when it is. */
    public Optional<String> getAbandonReason() {
        return Optional.ofNullable(abandonReason);
    }

    /** When the status or the progress last changed (or the follow-up started). */
    public Instant getChangedAt() {
        return changedAt.toInstant();
    }

    public String getChangedBy() {
        return changedBy;
    }
}
