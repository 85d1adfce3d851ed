package org.agora.budget.call;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;
import org.agora.shared.Period;

/**
 * A yearly participatory-budget call: its total split into envelopes (one per district, at most one city-wide;
 * the amounts add up to the total), its dated phases, how residents vote (the {@link VotingRule}) and how the
 * winners are chosen (the {@link TallyRule}), and who may vote (a minimum age if the city sets one). The rules are
 * public before the vote and locked once it opens: any change is then refused with the reason.
 */
@Entity
@Table(name = "budget_calls")
public class BudgetCall {

    @Id
    @SequenceGenerator(name = "budget_call_ids", sequenceName = "budget_call_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_call_ids")
    private Long id;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String name;

    @Column(name = "name_key", nullable = false, length = Label.MAX_LENGTH)
    private String nameKey;

    @Column(name = "budget_year", nullable = false)
    private int year;

    @Column(name = "total_amount", nullable = false)
    private long totalAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "voting_rule", nullable = false, length = 20)
    private VotingRule.Kind votingRule;

    @Column(name = "min_choices")
    private Integer minChoices;

    @Column(name = "max_choices")
    private Integer maxChoices;

    @Column(name = "total_points")
    private Integer totalPoints;

    @Column(name = "max_points_per_project")
    private Integer maxPointsPerProject;

    @Column(name = "ranks")
    private Integer ranks;

    /** Null only for an imported election whose file names a rule the platform cannot count, until the office picks one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "tally_rule", length = 40)
    private TallyRule tallyRule;

    @Column(name = "minimum_age")
    private Integer minimumAge;

    @Column(name = "submission_start", nullable = false)
    private OffsetDateTime submissionStart;

    @Column(name = "submission_end", nullable = false)
    private OffsetDateTime submissionEnd;

    @Column(name = "review_start", nullable = false)
    private OffsetDateTime reviewStart;

    @Column(name = "review_end", nullable = false)
    private OffsetDateTime reviewEnd;

    @Column(name = "vote_start", nullable = false)
    private OffsetDateTime voteStart;

    @Column(name = "vote_end", nullable = false)
    private OffsetDateTime voteEnd;

    @Column(name = "results_from", nullable = false)
    private OffsetDateTime resultsFrom;

    @Column(name = "implementation_from", nullable = false)
    private OffsetDateTime implementationFrom;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Envelope> envelopes = new ArrayList<>();

    @Column(name = "pre_moderated", nullable = false)
    private boolean preModerated;

    @Version
    private int version;

    protected BudgetCall() {
        // for JPA
    }

    public BudgetCall(BudgetCallDraft draft, String createdBy) {
        this(draft, createdBy, false);
    }

    /**
     * A call, or with {@code imported} an imported election, whose draft may leave the tally rule unknown: the file
     * named a rule the platform cannot count, and the office picks one later ({@link #chooseImportedRule}).
     */
    BudgetCall(BudgetCallDraft draft, String createdBy, boolean imported) {
        this.createdBy = createdBy;
        describe(draft, imported);
    }

    /** Changes the call; refused once the vote has opened, since its rules are then locked. */
    void update(BudgetCallDraft draft, Instant now) {
        if (getPhases().rulesLocked(now)) {
            throw new ConflictException(null, "budget.call.rulesLocked");
        }
        describe(draft, false);
    }

    private void describe(BudgetCallDraft draft, boolean ruleMayBeUnknown) {
        Label label = Label.of("name", draft.name());
        if (draft.year() < 2000 || draft.year() > 2100) {
            throw new InvalidInputException("year", "validation.range", 2000, 2100);
        }
        if (draft.total() <= 0) {
            throw new InvalidInputException("total", "budget.call.totalPositive");
        }
        if (draft.phases() == null) {
            throw new InvalidInputException("phases", "validation.required");
        }
        if (draft.votingRule() == null) {
            throw new InvalidInputException("votingRule", "validation.required");
        }
        if (draft.tallyRule() == null && !ruleMayBeUnknown) {
            throw new InvalidInputException("tallyRule", "validation.required");
        }
        if (draft.tallyRule() != null) {
            requireRuleFits(draft.tallyRule(), draft.votingRule());
        }
        if (draft.minimumAge() != null && (draft.minimumAge() < 0 || draft.minimumAge() > 120)) {
            throw new InvalidInputException("minimumAge", "validation.range", 0, 120);
        }
        List<EnvelopeDraft> wanted = checkedEnvelopes(draft);
        name = label.text();
        nameKey = label.key();
        year = draft.year();
        totalAmount = draft.total();
        tallyRule = draft.tallyRule();
        minimumAge = draft.minimumAge();
        storeVotingRule(draft.votingRule());
        storePhases(draft.phases());
        replaceEnvelopes(wanted);
    }

    private static void requireRuleFits(TallyRule tallyRule, VotingRule votingRule) {
        if (tallyRule.isEqualShares() && !votingRule.kind().approves()) {
            throw new InvalidInputException("tallyRule", "budget.call.equalSharesNeedsApprovals");
        }
    }

    /**
     * The office picks the rule an imported election is counted with, when the platform could not count the file's.
     * Only then: a rule the call already has (its own, or one picked before) is never changed after the vote.
     */
    public void chooseImportedRule(TallyRule rule) {
        if (rule == null) {
            throw new InvalidInputException("tallyRule", "validation.required");
        }
        if (tallyRule != null) {
            throw new ConflictException("tallyRule", "budget.import.ruleAlreadyKnown");
        }
        requireRuleFits(rule, getVotingRule());
        tallyRule = rule;
    }

    /** Envelopes: at most one per district and one city-wide, positive amounts adding up to the total. */
    private static List<EnvelopeDraft> checkedEnvelopes(BudgetCallDraft draft) {
        if (draft.envelopes().isEmpty()) {
            throw new InvalidInputException("envelopes", "budget.call.noEnvelope");
        }
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (EnvelopeDraft envelope : draft.envelopes()) {
            String code = envelope.districtCode() == null || envelope.districtCode().isBlank()
                    ? "" : new DistrictCode(envelope.districtCode()).value();
            if (!seen.add(code)) {
                throw new InvalidInputException("envelopes", "budget.call.envelopeTwice",
                        code.isEmpty() ? "*" : code);
            }
            if (envelope.amount() <= 0) {
                throw new InvalidInputException("envelopes", "budget.call.envelopePositive");
            }
            sum = Math.addExact(sum, envelope.amount());
        }
        if (sum != draft.total()) {
            throw new InvalidInputException("envelopes", "budget.call.envelopesSum", sum, draft.total());
        }
        return draft.envelopes();
    }

    private void replaceEnvelopes(List<EnvelopeDraft> wanted) {
        List<Envelope> kept = new ArrayList<>();
        for (EnvelopeDraft draft : wanted) {
            Optional<DistrictCode> district = draft.districtCode() == null || draft.districtCode().isBlank()
                    ? Optional.empty() : Optional.of(new DistrictCode(draft.districtCode()));
            Envelope envelope = envelopes.stream().filter(e -> e.getDistrict().equals(district)).findFirst()
                    .orElseGet(() -> new Envelope(this, district, Money.of(draft.amount())));
            envelope.changeAmount(Money.of(draft.amount()));
            kept.add(envelope);
        }
        envelopes.retainAll(kept);
        kept.stream().filter(e -> !envelopes.contains(e)).forEach(envelopes::add);
    }

    private void storeVotingRule(VotingRule rule) {
        VotingRule.Settings settings = rule.settings();
        votingRule = rule.kind();
        minChoices = settings.min();
        maxChoices = settings.max();
        totalPoints = settings.totalPoints();
        maxPointsPerProject = settings.maxPerProject();
        ranks = settings.ranks();
    }

    private void storePhases(PhasePlan phases) {
        submissionStart = utc(phases.submission().start());
        submissionEnd = utc(phases.submission().end());
        reviewStart = utc(phases.review().start());
        reviewEnd = utc(phases.review().end());
        voteStart = utc(phases.vote().start());
        voteEnd = utc(phases.vote().end());
        resultsFrom = utc(phases.resultsFrom());
        implementationFrom = utc(phases.implementationFrom());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public VotingRule getVotingRule() {
        return VotingRule.of(votingRule, new VotingRule.Settings(minChoices, maxChoices, totalPoints,
                maxPointsPerProject, ranks));
    }

    public PhasePlan getPhases() {
        return new PhasePlan(new Period(submissionStart.toInstant(), submissionEnd.toInstant()),
                new Period(reviewStart.toInstant(), reviewEnd.toInstant()),
                new Period(voteStart.toInstant(), voteEnd.toInstant()),
                resultsFrom.toInstant(), implementationFrom.toInstant());
    }

    public Optional<Envelope> findEnvelope(Optional<DistrictCode> district) {
        return envelopes.stream().filter(e -> e.getDistrict().equals(district)).findFirst();
    }

    public List<Envelope> getEnvelopes() {
        return List.copyOf(envelopes);
    }

    /** Whether new proposals and comments on its projects wait for a moderator's approval before anyone sees them. */
    public boolean isPreModerated() {
        return preModerated;
    }

    void setPreModerated(boolean preModerated) {
        this.preModerated = preModerated;
    }

    /** The space moderation counts this call's contributions in (pre-moderation, public rejections). */
    public String getModerationSpace() {
        return "BUDGET_CALL:" + id;
    }

    public Long getId() {
        return id;
    }

    /** The row's version: changes whenever the call (its phases, rule, envelopes' terms) is changed. */
    public int getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public int getYear() {
        return year;
    }

    public Money getTotal() {
        return Money.of(totalAmount);
    }

    /** The rule the winners are counted with; refused with {@code budget.results.ruleUnknown} when not known yet. */
    public TallyRule getTallyRule() {
        return findTallyRule().orElseThrow(() -> new ConflictException(null, "budget.results.ruleUnknown"));
    }

    /** Empty only for an imported election whose file's rule the platform cannot count, until the office picks one. */
    public Optional<TallyRule> findTallyRule() {
        return Optional.ofNullable(tallyRule);
    }

    public Optional<Integer> getMinimumAge() {
        return Optional.ofNullable(minimumAge);
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
