package org.agora.budget.call;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an imported Pabulib file said about its election, kept so that it is exported back as it was read: its META
 * entries in the file's order, its rule as written (which the platform may not be able to count), and how many voters
 * it held. When the platform cannot count the file's rule, the call has no tally rule until the office picks one;
 * who picked it, and when, is kept here.
 */
@Entity
@Table(name = "imported_elections")
public class ImportedElection {

    @Id
    @Column(name = "call_id")
    private Long callId;

    @Column(name = "envelope_id", nullable = false)
    private long envelopeId;

    @Column(name = "file_rule", length = PabulibEntry.MAX_NAME)
    private String fileRule;

    @Column(name = "file_voters", nullable = false)
    private long fileVoters;

    @Column(name = "rule_chosen_by", length = 100)
    private String ruleChosenBy;

    @Column(name = "rule_chosen_at")
    private OffsetDateTime ruleChosenAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "imported_election_meta", joinColumns = @JoinColumn(name = "call_id"))
    @OrderColumn(name = "position")
    private List<PabulibEntry> meta = new ArrayList<>();

    protected ImportedElection() {
        // for JPA
    }

    /** What a file said about the election imported as this call's envelope: its META entries and number of voters. */
    public ImportedElection(BudgetCall call, Envelope envelope, Map<String, String> fileMeta, long fileVoters) {
        this.callId = call.getId();
        this.envelopeId = envelope.getId();
        this.fileRule = fileMeta.get("rule");
        this.fileVoters = fileVoters;
        fileMeta.forEach((key, value) -> meta.add(new PabulibEntry(key, value)));
    }

    /** The office picked the rule the platform counts with, since it could not count the file's. */
    public void ruleChosen(String by, Instant at) {
        ruleChosenBy = by;
        ruleChosenAt = at.atOffset(ZoneOffset.UTC);
    }

    public Long getCallId() {
        return callId;
    }

    public long getEnvelopeId() {
        return envelopeId;
    }

    /** The file's {@code rule} entry as written ({@code unknown}, {@code greedy-threshold}...); empty when it has none. */
    public Optional<String> getFileRule() {
        return Optional.ofNullable(fileRule);
    }

    /** How many voters (rows of its VOTES section) the file held. */
    public long getFileVoters() {
        return fileVoters;
    }

    /** The file's {@code num_votes} entry, when it has one that is a whole number. */
    public Optional<Long> getNumVotes() {
        try {
            return Optional.ofNullable(getMeta().get("num_votes")).map(PabulibEntry::wholeNumber);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Who picked the rule the platform counts with; empty when the platform counts with the file's own rule. */
    public Optional<String> getRuleChosenBy() {
        return Optional.ofNullable(ruleChosenBy);
    }

    public Optional<Instant> getRuleChosenAt() {
        return Optional.ofNullable(ruleChosenAt).map(OffsetDateTime::toInstant);
    }

    /** The file's META entries, in the file's order. */
    public Map<String, String> getMeta() {
        Map<String, String> entries = new LinkedHashMap<>();
        meta.forEach(entry -> entries.put(entry.getName(), entry.getValue()));
        return Collections.unmodifiableMap(entries);
    }
}
