package org.agora.web.budget;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.agora.budget.Ballot;
import org.agora.budget.BudgetProject;
import org.agora.budget.BudgetService;
import org.agora.budget.Envelope;
import org.agora.budget.ProjectId;
import org.agora.budget.VotingRule;
import org.agora.budget.VotingService;
import org.agora.shared.DomainException;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * A resident's ballot for one envelope ({@code ?envelope=}): the projects on it, chosen by ticking (approval,
 * knapsack), giving points (cumulative) or ranking (ordinal), with a running summary of what is spent or left
 * after each change. Casting it is final (the page says so before); a ballot the rule refuses says why and keeps
 * the choices.
 */
@Named
@ViewScoped
public class BallotPage implements Serializable {

    @Inject
    transient VotingService voting;

    @Inject
    transient BudgetService budget;

    @Inject
    BudgetLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long envelope;
    private Long callId;
    private String callName;
    private String envelopeName;
    private long amount;
    private transient VotingRule rule;
    private String whyNot;
    private List<Choice> choices = List.of();

    /** One project on the ballot and what the voter gave it (ticked, points, or rank). */
    public static final class Choice implements Serializable {
        private final long id;
        private final String title;
        private final long cost;
        private boolean chosen;
        private Integer points;
        private Integer rank;

        Choice(BudgetProject project) {
            this.id = project.getId();
            this.title = project.getTitle();
            this.cost = project.getCost().amount();
        }

        public long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public long getCost() {
            return cost;
        }

        public boolean isChosen() {
            return chosen;
        }

        public void setChosen(boolean chosen) {
            this.chosen = chosen;
        }

        public Integer getPoints() {
            return points;
        }

        public void setPoints(Integer points) {
            this.points = points;
        }

        public Integer getRank() {
            return rank;
        }

        public void setRank(Integer rank) {
            this.rank = rank;
        }
    }

    public void load() {
        Optional<Envelope> found = envelope == null ? Optional.empty() : budget.findEnvelope(envelope);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Envelope e = found.get();
        callId = e.getCall().getId();
        callName = e.getCall().getName();
        envelopeName = labels.envelope(e);
        amount = e.getAmount().amount();
        rule = e.getCall().getVotingRule();
        whyNot = voting.whyNotVote(currentUser.actor(), e, Instant.now())
                .or(() -> voting.hasVoted(currentUser.actor(), envelope) ? Optional.of("budget.vote.already")
                        : Optional.empty())
                .orElse(null);
        choices = voting.ballot(envelope).stream().map(Choice::new).toList();
    }

    public String cast() {
        try {
            voting.cast(currentUser.actor(), envelope, ballot(), Instant.now());
            FacesFeedback.done("budget.vote.cast");
            return "/budget/call?faces-redirect=true&id=" + callId;
        } catch (DomainException e) {
            FacesFeedback.refused("ballot", e);
            return null;
        }
    }

    private Ballot ballot() {
        if (rule() instanceof VotingRule.Cumulative) {
            Map<ProjectId, Integer> points = new LinkedHashMap<>();
            choices.stream().filter(c -> c.points != null && c.points != 0)
                    .forEach(c -> points.put(new ProjectId(String.valueOf(c.id)), c.points));
            return new Ballot.Cumulative(points);
        }
        if (rule() instanceof VotingRule.Ordinal) {
            return new Ballot.Ordinal(choices.stream().filter(c -> c.rank != null)
                    .sorted(Comparator.comparing(Choice::getRank))
                    .map(c -> new ProjectId(String.valueOf(c.id))).toList());
        }
        Set<ProjectId> chosen = new LinkedHashSet<>();
        choices.stream().filter(Choice::isChosen).forEach(c -> chosen.add(new ProjectId(String.valueOf(c.id))));
        return new Ballot.Approval(chosen);
    }

    /** Called on each change: nothing to do, the summary's getters compute from the choices. */
    public void changed() {
        // the Ajax update re-renders the summary
    }

    // --- for the page ---

    public String getKind() {
        if (rule() instanceof VotingRule.Cumulative) {
            return "CUMULATIVE";
        }
        if (rule() instanceof VotingRule.Ordinal) {
            return "ORDINAL";
        }
        return rule() instanceof VotingRule.Knapsack ? "KNAPSACK" : "APPROVAL";
    }

    public long getSpent() {
        return choices.stream().filter(Choice::isChosen).mapToLong(Choice::getCost).sum();
    }

    public long getLeft() {
        return amount - getSpent();
    }

    public boolean isOverEnvelope() {
        return getLeft() < 0;
    }

    public long getChosenCount() {
        return choices.stream().filter(Choice::isChosen).count();
    }

    public int getPointsGiven() {
        return choices.stream().filter(c -> c.points != null).mapToInt(Choice::getPoints).sum();
    }

    /** The summary line under the ballot, in the visitor's language. */
    public String getSummary() {
        if (rule() instanceof VotingRule.Cumulative c) {
            return text("budget.ballot.summary.points", getPointsGiven(), c.totalPoints() - getPointsGiven(), c.maxPerProject());
        }
        if (rule() instanceof VotingRule.Ordinal o) {
            return text("budget.ballot.summary.ranks", choices.stream().filter(c -> c.rank != null).count(), o.ranks());
        }
        if (rule() instanceof VotingRule.Approval a) {
            return text("budget.ballot.summary.approval", getChosenCount(), a.min(), a.max(),
                    Math.max(0, a.max() - getChosenCount()));
        }
        return text(isOverEnvelope() ? "budget.ballot.summary.over" : "budget.ballot.summary.knapsack", getSpent(),
                Math.abs(getLeft()), amount);
    }

    /** The ranks a voter may give (1 is the best). */
    public List<Integer> getRanks() {
        return rule() instanceof VotingRule.Ordinal o ? IntStream.rangeClosed(1, o.ranks()).boxed().toList() : List.of();
    }

    public int getMaxPerProject() {
        return rule() instanceof VotingRule.Cumulative c ? c.maxPerProject() : 0;
    }

    /** The call's ballot rule; read again after the view was restored elsewhere (records are not serialized). */
    private VotingRule rule() {
        if (rule == null) {
            rule = budget.findEnvelope(envelope).orElseThrow().getCall().getVotingRule();
        }
        return rule;
    }

    private String text(String key, Object... arguments) {
        return Texts.format(language.getCurrent(), key, arguments);
    }

    public boolean isAllowed() {
        return whyNot == null;
    }

    public String getWhyNotText() {
        return whyNot == null ? null : text(whyNot);
    }

    public List<Choice> getChoices() {
        return choices;
    }

    public long getAmount() {
        return amount;
    }

    public Long getCallId() {
        return callId;
    }

    public String getEnvelopeName() {
        return envelopeName;
    }

    public String getCallName() {
        return callName;
    }

    public Long getEnvelope() {
        return envelope;
    }

    public void setEnvelope(Long envelope) {
        this.envelope = envelope;
    }
}
