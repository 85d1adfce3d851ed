package org.agora.budget.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Optional;
import org.agora.budget.counting.Money;
import org.agora.shared.DistrictCode;

/** The part of a call's money for one district (or the whole city): its projects compete for it. */
@Entity
@Table(name = "envelopes")
public class Envelope {

    @Id
    @SequenceGenerator(name = "envelope_ids", sequenceName = "envelope_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "envelope_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "call_id")
    private BudgetCall call;

    @Column(name = "district_code", length = 32)
    private String districtCode;

    @Column(nullable = false)
    private long amount;

    @Column(name = "count_closed_at")
    private java.time.OffsetDateTime countClosedAt;

    @Column(name = "count_closed_by", length = 100)
    private String countClosedBy;

    protected Envelope() {
        // for JPA
    }

    Envelope(BudgetCall call, Optional<DistrictCode> district, Money amount) {
        this.call = call;
        this.districtCode = district.map(DistrictCode::value).orElse(null);
        this.amount = amount.amount();
    }

    void changeAmount(Money amount) {
        this.amount = amount.amount();
    }

    /**
     * Closes the count: no paper batch is added after this, and the envelope's managers may see the count. Once only;
     * the results phase closes it anyway.
     */
    public void closeCount(String by, java.time.Instant now) {
        if (countClosedAt == null) {
            countClosedAt = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
            countClosedBy = by;
        }
    }

    /** Whether the count is closed at this moment: by its managers once the vote ended, or by the results phase. */
    public boolean isCountClosed(java.time.Instant now) {
        return countClosedAt != null || !now.isBefore(call.getPhases().resultsFrom());
    }

    /** Who closed the count, when a manager did. */
    public Optional<String> getCountClosedBy() {
        return Optional.ofNullable(countClosedBy);
    }

    public Long getId() {
        return id;
    }

    /** The district whose residents vote in this envelope; empty for the city-wide envelope. */
    public Optional<DistrictCode> getDistrict() {
        return Optional.ofNullable(districtCode).map(DistrictCode::new);
    }

    public boolean isCityWide() {
        return districtCode == null;
    }

    public Money getAmount() {
        return Money.of(amount);
    }

    public BudgetCall getCall() {
        return call;
    }
}
