package org.agora.budget.vote;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A batch of paper ballots typed in by staff: its id comes from the form that was filled (so submitting it twice
 * enters it once), with who entered it, when and how many ballots it held. The ballots themselves name nobody.
 */
@Entity
@Table(name = "paper_batches")
public class PaperBatch {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "envelope_id", nullable = false)
    private long envelopeId;

    @Column(nullable = false)
    private int ballots;

    @Column(name = "entered_by", nullable = false, length = 100)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private OffsetDateTime enteredAt;

    protected PaperBatch() {
        // for JPA
    }

    PaperBatch(String id, long envelopeId, int ballots, String enteredBy, Instant now) {
        this.id = id;
        this.envelopeId = envelopeId;
        this.ballots = ballots;
        this.enteredBy = enteredBy;
        this.enteredAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public String getId() {
        return id;
    }

    public long getEnvelopeId() {
        return envelopeId;
    }

    public int getBallots() {
        return ballots;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Instant getEnteredAt() {
        return enteredAt.toInstant();
    }
}
