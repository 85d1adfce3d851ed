package org.agora.web.budget;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The office creates a call or changes it ({@code ?id=}) until its vote opens: name, year, total, one envelope per
 * district plus an optional city-wide one (amounts adding up to the total), dates of the phases in the city's time,
 * the ballot type with its limits, the tally rule, and a minimum age. Each refusal shows next to its field.
 */
@Named
@ViewScoped
public class CallForm implements Serializable {

    /** The domain's names of fields that the form names otherwise. */
    private static final Map<String, String> INPUTS = Map.of("rule", "votingRule", "phases", "submissionStart");

    @Inject
    BudgetService budget;

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long id;
    private Long callId;
    private boolean locked;

    private String name;
    private Integer year;
    private Long total;
    private String votingRule = VotingRule.Kind.APPROVAL.code();
    private Integer minChoices = 1;
    private Integer maxChoices = 5;
    private Integer totalPoints = 10;
    private Integer maxPerProject = 3;
    private Integer ranks = 3;
    private TallyRule tallyRule = TallyRule.GREEDY;
    private Integer minimumAge;
    private boolean preModerated;
    private LocalDateTime submissionStart;
    private LocalDateTime submissionEnd;
    private LocalDateTime reviewStart;
    private LocalDateTime reviewEnd;
    private LocalDateTime voteStart;
    private LocalDateTime voteEnd;
    private LocalDateTime resultsFrom;
    private LocalDateTime implementationFrom;
    private Long cityAmount;
    private List<EnvelopeLine> envelopes = new ArrayList<>();

    /** One district's envelope as typed: empty means the district has none. */
    public static final class EnvelopeLine implements Serializable {
        private final String code;
        private final String name;
        private Long amount;

        EnvelopeLine(String code, String name) {
            this.code = code;
            this.name = name;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public Long getAmount() {
            return amount;
        }

        public void setAmount(Long amount) {
            this.amount = amount;
        }
    }

    public void load() {
        if (!BudgetPermissions.canManageCalls(currentUser.actor())) {
            Pages.forbidden();
            return;
        }
        for (District d : territory.districts()) {
            envelopes.add(new EnvelopeLine(d.getCode().value(), d.getName()));
        }
        if (id == null) {
            year = LocalDateTime.now(Period.CITY_ZONE).getYear() + 1;
            return;
        }
        try {
            show(budget.getCall(id));
        } catch (NotFoundException e) {
            Pages.notFound();
        }
    }

    private void show(BudgetCall call) {
        callId = call.getId();
        locked = call.getPhases().rulesLocked(Instant.now());
        name = call.getName();
        year = call.getYear();
        total = call.getTotal().amount();
        VotingRule rule = call.getVotingRule();
        VotingRule.Settings settings = rule.settings();
        votingRule = rule.kind().code();
        minChoices = Objects.requireNonNullElse(settings.min(), minChoices);
        maxChoices = Objects.requireNonNullElse(settings.max(), maxChoices);
        totalPoints = Objects.requireNonNullElse(settings.totalPoints(), totalPoints);
        maxPerProject = Objects.requireNonNullElse(settings.maxPerProject(), maxPerProject);
        ranks = Objects.requireNonNullElse(settings.ranks(), ranks);
        tallyRule = call.findTallyRule().orElse(null);
        minimumAge = call.getMinimumAge().orElse(null);
        preModerated = call.isPreModerated();
        PhasePlan p = call.getPhases();
        submissionStart = CityTime.local(p.submission().start());
        submissionEnd = CityTime.local(p.submission().end());
        reviewStart = CityTime.local(p.review().start());
        reviewEnd = CityTime.local(p.review().end());
        voteStart = CityTime.local(p.vote().start());
        voteEnd = CityTime.local(p.vote().end());
        resultsFrom = CityTime.local(p.resultsFrom());
        implementationFrom = CityTime.local(p.implementationFrom());
        for (Envelope e : call.getEnvelopes()) {
            if (e.isCityWide()) {
                cityAmount = e.getAmount().amount();
            } else {
                envelopes.stream().filter(l -> l.code.equals(e.getDistrict().get().value())).findFirst()
                        .ifPresent(l -> l.amount = e.getAmount().amount());
            }
        }
    }

    public String save() {
        return FacesActions.run("call", INPUTS, () -> {
            BudgetCallDraft draft = draft();
            BudgetCall saved = callId == null ? budget.createCall(currentUser.actor(), draft)
                    : budget.updateCall(currentUser.actor(), callId, draft, Instant.now());
            if (saved.isPreModerated() != preModerated) {
                budget.preModerate(currentUser.actor(), saved.getId(), preModerated);
            }
            FacesFeedback.done("budget.call.saved", saved.getName());
            return "/budget/call?faces-redirect=true&id=" + saved.getId();
        });
    }

    private BudgetCallDraft draft() {
        List<EnvelopeDraft> wanted = new ArrayList<>();
        if (cityAmount != null) {
            wanted.add(new EnvelopeDraft("", cityAmount));
        }
        envelopes.stream().filter(l -> l.amount != null).forEach(l -> wanted.add(new EnvelopeDraft(l.code, l.amount)));
        PhasePlan phases = new PhasePlan(period(submissionStart, submissionEnd, "submission"),
                period(reviewStart, reviewEnd, "review"), period(voteStart, voteEnd, "vote"),
                required(resultsFrom, "resultsFrom"), required(implementationFrom, "implementationFrom"));
        return new BudgetCallDraft(name, year == null ? 0 : year, total == null ? 0 : total, wanted, phases, rule(),
                tallyRule, minimumAge);
    }

    private VotingRule rule() {
        return VotingRule.of(VotingRule.Kind.fromCode(votingRule).orElse(VotingRule.Kind.APPROVAL),
                new VotingRule.Settings(number(minChoices), number(maxChoices), number(totalPoints),
                        number(maxPerProject), number(ranks)));
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    /** A phase's period; a refusal names the form's input ("voteEnd"), not the period's ("end"). */
    private static Period period(LocalDateTime start, LocalDateTime end, String phase) {
        Instant from = required(start, phase + "Start");
        Instant to = required(end, phase + "End");
        try {
            return new Period(from, to);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(phase + "End", e.messageKey(), e.arguments());
        }
    }

    private static Instant required(LocalDateTime local, String field) {
        if (local == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return CityTime.instant(local);
    }

    // --- for the page ---

    public Map<String, String> getVotingRules() {
        Map<String, String> rules = new LinkedHashMap<>();
        for (VotingRule.Kind kind : VotingRule.Kind.values()) {
            rules.put(Texts.format(language.getCurrent(), "budget.call.form.rule." + kind.code()), kind.code());
        }
        return rules;
    }

    public Map<String, TallyRule> getTallyRules() {
        Map<String, TallyRule> rules = new LinkedHashMap<>();
        for (TallyRule rule : TallyRule.values()) {
            rules.put(Texts.format(language.getCurrent(), "budget.rule." + rule.key()), rule);
        }
        return rules;
    }

    public String getHeading() {
        return callId == null ? Texts.format(language.getCurrent(), "budget.call.form.new") : name;
    }

    public boolean isLocked() {
        return locked;
    }

    public Long getCallId() {
        return callId;
    }

    public List<EnvelopeLine> getEnvelopes() {
        return envelopes;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    public String getVotingRule() {
        return votingRule;
    }

    public void setVotingRule(String votingRule) {
        this.votingRule = votingRule;
    }

    public Integer getMinChoices() {
        return minChoices;
    }

    public void setMinChoices(Integer minChoices) {
        this.minChoices = minChoices;
    }

    public Integer getMaxChoices() {
        return maxChoices;
    }

    public void setMaxChoices(Integer maxChoices) {
        this.maxChoices = maxChoices;
    }

    public Integer getTotalPoints() {
        return totalPoints;
    }

    public void setTotalPoints(Integer totalPoints) {
        this.totalPoints = totalPoints;
    }

    public Integer getMaxPerProject() {
        return maxPerProject;
    }

    public void setMaxPerProject(Integer maxPerProject) {
        this.maxPerProject = maxPerProject;
    }

    public Integer getRanks() {
        return ranks;
    }

    public void setRanks(Integer ranks) {
        this.ranks = ranks;
    }

    public TallyRule getTallyRule() {
        return tallyRule;
    }

    public void setTallyRule(TallyRule tallyRule) {
        this.tallyRule = tallyRule;
    }

    public Integer getMinimumAge() {
        return minimumAge;
    }

    public void setMinimumAge(Integer minimumAge) {
        this.minimumAge = minimumAge;
    }

    public LocalDateTime getSubmissionStart() {
        return submissionStart;
    }

    public void setSubmissionStart(LocalDateTime submissionStart) {
        this.submissionStart = submissionStart;
    }

    public LocalDateTime getSubmissionEnd() {
        return submissionEnd;
    }

    public void setSubmissionEnd(LocalDateTime submissionEnd) {
        this.submissionEnd = submissionEnd;
    }

    public LocalDateTime getReviewStart() {
        return reviewStart;
    }

    public void setReviewStart(LocalDateTime reviewStart) {
        this.reviewStart = reviewStart;
    }

    public LocalDateTime getReviewEnd() {
        return reviewEnd;
    }

    public void setReviewEnd(LocalDateTime reviewEnd) {
        this.reviewEnd = reviewEnd;
    }

    public LocalDateTime getVoteStart() {
        return voteStart;
    }

    public void setVoteStart(LocalDateTime voteStart) {
        this.voteStart = voteStart;
    }

    public LocalDateTime getVoteEnd() {
        return voteEnd;
    }

    public void setVoteEnd(LocalDateTime voteEnd) {
        this.voteEnd = voteEnd;
    }

    public LocalDateTime getResultsFrom() {
        return resultsFrom;
    }

    public void setResultsFrom(LocalDateTime resultsFrom) {
        this.resultsFrom = resultsFrom;
    }

    public LocalDateTime getImplementationFrom() {
        return implementationFrom;
    }

    public void setImplementationFrom(LocalDateTime implementationFrom) {
        this.implementationFrom = implementationFrom;
    }

    public Long getCityAmount() {
        return cityAmount;
    }

    public void setCityAmount(Long cityAmount) {
        this.cityAmount = cityAmount;
    }

    /** Whether residents' new proposals and comments wait for a moderator's approval. */
    public boolean isPreModerated() {
        return preModerated;
    }

    public void setPreModerated(boolean preModerated) {
        this.preModerated = preModerated;
    }
}
