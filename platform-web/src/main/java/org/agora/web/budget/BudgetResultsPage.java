package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.ImportedElection;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.opendata.OpenDataService;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.vote.Channel;
import org.agora.budget.vote.TallyService;
import org.agora.budget.vote.Turnout;
import org.agora.budget.vote.TurnoutService;
import org.agora.budget.vote.VotingService;
import org.agora.shared.DomainException;
import org.agora.shared.UnavailableException;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * The results of one envelope ({@code ?envelope=}), public from the results phase (its managers see them once the
 * vote ends): the rule used in plain words, each project's votes or points and whether it won, what the winners
 * cost and what is left, the ballots by channel, the turnout against the district's population and against its
 * residents registered on the platform (when Keycloak can tell in time), and a chart.
 * <p>
 * An imported election shows the rule its file named, and the rule the office picked when the platform could not
 * count the file's; until then it shows no count, only why. Its turnout is the counts of its file (voters, the file's
 * {@code num_votes}), never a share of this city's residents.
 */
@Named
@RequestScoped
public class BudgetResultsPage {

    @Inject
    BudgetService budget;

    @Inject
    TallyService tallies;

    @Inject
    VotingService voting;

    @Inject
    TurnoutService turnouts;

    @Inject
    OpenDataService openData;

    @Inject
    CurrentUser currentUser;

    @Inject
    BudgetLabels labels;

    @Inject
    org.agora.web.platform.Language language;

    private Long envelope;
    private Envelope found;
    private Tally tally;
    private List<Row> rows;
    private Map<Channel, Long> ballots;
    private Turnout turnout;
    private ImportedElection imported;
    private boolean ruleUnknown;
    private TallyRule chosenRule;

    /** A project's line in the results. */
    public record Row(BudgetProject project, long score, boolean winner) {
        public BudgetProject getProject() {
            return project;
        }

        public long getScore() {
            return score;
        }

        public boolean isWinner() {
            return winner;
        }
    }

    public void load() {
        Optional<Envelope> e = envelope == null ? Optional.empty() : budget.findEnvelope(envelope);
        if (e.isEmpty()) {
            Pages.notFound();
            return;
        }
        found = e.get();
        Instant now = Instant.now();
        imported = openData.findImported(envelope).orElse(null);
        if (found.getCall().findTallyRule().isEmpty()) {
            // an imported election whose file's rule the platform cannot count: no count until the office picks one
            ruleUnknown = BudgetPermissions.canSeeResults(currentUser.actor(), found, now);
            return;
        }
        try {
            tally = tallies.tally(currentUser.actor(), envelope, now);
        } catch (UnavailableException sealed) {
            FacesFeedback.refused(null, sealed); // the sealed ballots cannot be opened: say why
            return;
        } catch (DomainException notYet) {
            return; // the page says when they will be
        }
        if (imported == null) {
            turnout = turnouts.turnout(currentUser.actor(), envelope, now);
        }
        rows = voting.ballot(envelope).stream()
                .map(p -> new Row(p, tally.scoreOf(p.toCandidate().id()), tally.isWinner(p.toCandidate().id())))
                .sorted(Comparator.comparing(Row::winner).reversed()
                        .thenComparing(Comparator.comparingLong(Row::score).reversed()))
                .toList();
        ballots = voting.ballotsByChannel(envelope);
    }

    /** The office picks the rule an imported election is counted with, when the platform cannot count the file's. */
    public String chooseRule() {
        return FacesActions.run("choose-rule", Map.of("tallyRule", "rule"), () -> {
            try {
                openData.chooseRule(currentUser.actor(), envelope, chosenRule, Instant.now());
            } catch (DomainException e) {
                load(); // the request-scoped page shows the form again, where the refusal then finds its input
                throw e;
            }
            FacesFeedback.done("budget.results.chooseRule.done", labels.ruleName(chosenRule));
            return "/budget/results?faces-redirect=true&envelope=" + envelope;
        });
    }

    /** An imported election's file: its rule as written, its counts; null for an election run on the platform. */
    public ImportedElection getImported() {
        return imported;
    }

    /** The file's rule entry as written, or empty when it had none. */
    public String getFileRule() {
        return imported == null ? "" : imported.getFileRule().orElse("");
    }

    /** The election's file names a rule the platform cannot count, and the office has not picked one yet. */
    public boolean isRuleUnknown() {
        return ruleUnknown;
    }

    /** Whether the visitor may pick the rule: the office, while the rule is not known. */
    public boolean isRuleChoosable() {
        return ruleUnknown && BudgetPermissions.canManageCalls(currentUser.actor());
    }

    /** The rules the office may pick, by their names in the visitor's language. */
    public Map<String, TallyRule> getRules() {
        Map<String, TallyRule> rules = new java.util.LinkedHashMap<>();
        for (TallyRule rule : TallyRule.values()) {
            rules.put(labels.ruleName(rule), rule);
        }
        return rules;
    }

    public TallyRule getChosenRule() {
        return chosenRule;
    }

    public void setChosenRule(TallyRule chosenRule) {
        this.chosenRule = chosenRule;
    }

    /** The file's {@code num_votes} entry, or null when it has none. */
    public Long getFileNumVotes() {
        return imported == null ? null : imported.getNumVotes().orElse(null);
    }

    /** Public from the results phase; before, only the envelope's managers see them, once the vote has closed. */
    public boolean isPublished() {
        return found != null && BudgetPermissions.canSeeResults(org.agora.shared.Actor.anonymous(), found, Instant.now());
    }

    public Envelope getEnvelope() {
        return found;
    }

    public Tally getTally() {
        return tally;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getEnvelopeName() {
        return found == null ? "" : labels.envelope(found);
    }

    public long getWinnerCount() {
        return tally.winners().size();
    }

    public long getBallots() {
        return ballots.values().stream().mapToLong(Long::longValue).sum();
    }

    public long ballots(String channel) {
        return ballots.get(Channel.valueOf(channel));
    }

    /** The residents the envelope is for: its district's population, or the city's for the city-wide envelope. */
    public long getPopulation() {
        return turnout.population();
    }

    /** Ballots per 100 residents, as the visitor writes numbers; empty without a population. */
    public String getTurnout() {
        return turnout == null ? "" : turnout.ofPopulation().map(this::percent).orElse("");
    }

    /** Whether the population figure is below the number of ballots, so that no percentage of it is given. */
    public boolean isOverPopulation() {
        return turnout.ballotsExceedPopulation();
    }

    /** The voters who have an account, the part of the ballots compared with the registered residents. */
    public long getAccountVoters() {
        return turnout.accountVoters();
    }

    /** Keycloak's count of registered residents is below the voters with an account: not refreshed yet. */
    public boolean isRegisteredBehind() {
        return turnout.registered().filter(n -> n > 0).isPresent() && turnout.ofRegistered().isEmpty();
    }

    /** Whether Keycloak told, in time, how many residents of the envelope have registered on the platform. */
    public boolean isRegisteredKnown() {
        return turnout.registered().isPresent();
    }

    /** Keycloak answered, and the envelope has no registered resident. */
    public boolean isNoneRegistered() {
        return turnout.registered().filter(n -> n == 0).isPresent();
    }

    public long getRegistered() {
        return turnout.registered().orElseThrow();
    }

    /** Voters with an account per 100 registered residents; empty when their number is unknown, zero or behind. */
    public String getRegisteredTurnout() {
        return turnout.ofRegistered().map(this::percent).orElse("");
    }

    /** Two decimals at most, one at least, as the visitor writes numbers. */
    private String percent(BigDecimal value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language.getCurrent());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** The Chart.js configuration: a horizontal bar per project, winners in the city's colour, others grey. */
    public String getChart() {
        JsonArrayBuilder names = Json.createArrayBuilder();
        JsonArrayBuilder scores = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        rows.forEach(r -> {
            names.add(r.project().getTitle());
            scores.add(r.score());
            colours.add(r.winner() ? "#1f5f8b" : "#9aa5b1");
        });
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", names)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", getEnvelopeName()).add("data", scores).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y")
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false))))
                .build().toString();
    }

    public Long getEnvelopeId() {
        return envelope;
    }

    public void setEnvelopeId(Long envelope) {
        this.envelope = envelope;
    }
}
