package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPhase;
import org.agora.budget.call.Envelope;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectStatus;
import org.agora.shared.Period;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;
import org.agora.web.platform.Texts;

/**
 * How the budget pages word things in the visitor's language: amounts in euros, dates in the city's time, the
 * phase under way, an envelope's name, a project's status, and the call's ballot rule in plain words.
 */
@Named
@RequestScoped
public class BudgetLabels {

    @Inject
    TerritoryService territory;

    private Map<String, String> districtNames;
    private Map<Long, String> themeNames;

    /** An amount as people read it: "150 000 €". */
    public String money(Money amount) {
        return euros(amount.amount());
    }

    public String euros(long amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    public String dateTime(Instant instant) {
        return org.agora.web.platform.CityTime.dateTime(instant, locale());
    }

    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).withZone(Period.CITY_ZONE)
                .format(instant);
    }

    /** The phase under way, or "between two phases" / "not open yet". */
    public String phase(BudgetCall call) {
        Instant now = Instant.now();
        return call.getPhases().at(now).map(this::phase).orElseGet(() -> text(
                now.isBefore(call.getPhases().submission().start()) ? "budget.phase.notYet" : "budget.phase.between"));
    }

    public String phase(BudgetPhase phase) {
        return text("budget.phase." + phase.name());
    }

    /** The district's name, or "the whole city" for the city-wide envelope. */
    public String envelope(Envelope envelope) {
        return envelope.getDistrict().map(code -> districtNames().getOrDefault(code.value(), code.value()))
                .orElseGet(() -> text("budget.envelope.city"));
    }

    public String status(BudgetProject project) {
        return project.isOnBallot() ? onBallot() : status(project.getStatus());
    }

    public String onBallot() {
        return text("budget.project.status.ON_BALLOT");
    }

    public String status(ProjectStatus status) {
        return text("budget.project.status." + status.name());
    }

    /** A CSS class per status, so the badge's colour says it too. */
    public String statusClass(BudgetProject project) {
        return "status project-status-" + (project.isOnBallot() ? "ON_BALLOT" : project.getStatus().name());
    }

    public String theme(BudgetProject project) {
        return project.getThemeId().map(id -> themeNames().getOrDefault(id, "")).orElse("");
    }

    /** How residents vote in this call, in one sentence. */
    public String ballotRule(BudgetCall call) {
        VotingRule rule = call.getVotingRule();
        VotingRule.Settings s = rule.settings();
        return switch (rule.kind()) {
            case APPROVAL -> text("budget.ballotRule.approval", s.min(), s.max());
            case KNAPSACK -> text("budget.ballotRule.knapsack");
            case CUMULATIVE -> text("budget.ballotRule.cumulative", s.totalPoints(), s.maxPerProject());
            case ORDINAL -> text("budget.ballotRule.ordinal", s.ranks());
        };
    }

    /** How the winners are chosen, in plain words. */
    public String tallyRule(BudgetCall call) {
        return text("budget.rule." + call.findTallyRule().map(TallyRule::key).orElse("notKnown") + ".explained");
    }

    /** The rule's name; "not known" for an imported election whose file's rule the platform cannot count. */
    public String tallyRuleName(BudgetCall call) {
        return text("budget.rule." + call.findTallyRule().map(TallyRule::key).orElse("notKnown"));
    }

    public String ruleName(TallyRule rule) {
        return text("budget.rule." + rule.key());
    }

    /** "Votes" for approval ballots, "points" for cumulative and ordinal ones. */
    public String scoreHeading(BudgetCall call) {
        return text(call.getVotingRule().kind().approves() ? "budget.results.votes" : "budget.results.points");
    }

    private Map<String, String> districtNames() {
        if (districtNames == null) {
            districtNames = territory.districts().stream()
                    .collect(Collectors.toMap(d -> d.getCode().value(), District::getName));
        }
        return districtNames;
    }

    private Map<Long, String> themeNames() {
        if (themeNames == null) {
            themeNames = territory.themes().stream().collect(Collectors.toMap(Theme::getId, Theme::getName));
        }
        return themeNames;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String text(String key, Object... arguments) {
        return Texts.format(locale(), key, arguments);
    }
}
