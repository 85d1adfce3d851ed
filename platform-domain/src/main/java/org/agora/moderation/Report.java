package org.agora.moderation;

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
import org.agora.shared.InvalidInputException;

/**
 * One person's report of an item, with a reason (and a text for {@link ReportReason#OTHER}); one per person per item,
 * by the database's key. Open until a moderator decides on the item, then dismissed (kept, restored) or upheld.
 */
@Entity
@Table(name = "moderation_reports")
public class Report {

    public static final int MAX_DETAILS = 1000;

    public enum Status { OPEN, DISMISSED, UPHELD }

    @Id
    @SequenceGenerator(name = "moderation_report_ids", sequenceName = "moderation_report_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_report_ids")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(nullable = false, length = 100)
    private String reporter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportReason reason;

    @Column(length = MAX_DETAILS)
    private String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "reported_at", nullable = false)
    private OffsetDateTime reportedAt;

    protected Report() {
        // for JPA
    }

    Report(long caseId, String reporter, ReportReason reason, String details, Instant now) {
        this.caseId = caseId;
        this.reporter = reporter;
        this.reason = reason;
        this.details = details;
        this.status = Status.OPEN;
        this.reportedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Checks a report's reason and text before anything is stored; the text kept as plain text, trimmed. */
    static String details(ReportReason reason, String details) {
        if (reason == null) {
            throw new InvalidInputException("reason", "moderation.report.reasonRequired");
        }
        String text = details == null ? "" : details.strip();
        if (reason == ReportReason.OTHER && text.isEmpty()) {
            throw new InvalidInputException("details", "moderation.report.detailsRequired");
        }
        if (text.length() > MAX_DETAILS) {
            throw new InvalidInputException("details", "moderation.report.detailsTooLong", MAX_DETAILS, text.length());
        }
        return text.isEmpty() ? null : text;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getReporter() {
        return reporter;
    }

    public ReportReason getReason() {
        return reason;
    }

    /** Plain text as the reporter typed it: never markup, pages escape it. */
    public Optional<String> getDetails() {
        return Optional.ofNullable(details);
    }

    public Status getStatus() {
        return status;
    }

    public Instant getReportedAt() {
        return reportedAt.toInstant();
    }
}
