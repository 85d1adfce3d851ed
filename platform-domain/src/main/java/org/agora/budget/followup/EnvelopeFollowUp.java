package org.agora.budget.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.agora.budget.call.Envelope;

/**
 * The mark that an envelope's follow-up has started: its winners were then taken from the final tally. Its primary
 * key makes a second start, even a simultaneous one on another instance, fail rather than copy the winners twice.
 */
@Entity
@Table(name = "envelope_followups")
public class EnvelopeFollowUp {

    @Id
    @Column(name = "envelope_id")
    private Long envelopeId;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "started_by", nullable = false, length = 100)
    private String startedBy;

    protected EnvelopeFollowUp() {
        // for JPA
    }

    EnvelopeFollowUp(Envelope envelope, String startedBy, Instant now) {
        this.envelopeId = envelope.getId();
        this.startedBy = startedBy;
        this.startedAt = now.atOffset(ZoneOffset.UTC);
    }
}
