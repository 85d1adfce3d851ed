package org.agora.web.budget;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.Texts;

/**
 * What a voter is filling in on a ballot form (their own online, or a resident's at a town-hall desk): one line per
 * project on the ballot, ticked, given points or ranked as the call's rule asks, the running summary of what is
 * spent or left, and the {@link Ballot} it makes. The rule itself checks the ballot when it is cast.
 */
public final class BallotChoices implements Serializable {

    private final VotingRule.Kind kind;
    private final long amount;
    private final int min;
    private final int max;
    private final List<Choice> choices;

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

    /** The rule's kind and limits are kept as plain values (an enum, numbers): the view (and this object) may be serialized. */
    public BallotChoices(VotingRule rule, long amount, List<BudgetProject> projects) {
        this.amount = amount;
        this.choices = projects.stream().map(Choice::new).toList();
        VotingRule.Settings settings = rule.settings();
        kind = rule.kind();
        switch (rule.kind()) {
            case CUMULATIVE -> {
                min = settings.maxPerProject();
                max = settings.totalPoints();
            }
            case ORDINAL -> {
                min = 1;
                max = settings.ranks();
            }
            case APPROVAL -> {
                min = settings.min();
                max = settings.max();
            }
            default -> {
                min = 0;
                max = 0;
            }
        }
    }

    public Ballot ballot() {
        return switch (kind) {
            case CUMULATIVE -> {
                Map<ProjectId, Integer> points = new LinkedHashMap<>();
                choices.stream().filter(c -> c.points != null && c.points != 0)
                        .forEach(c -> points.put(id(c), c.points));
                yield new Ballot.Cumulative(points);
            }
            case ORDINAL -> ranking();
            default -> {
                Set<ProjectId> chosen = new LinkedHashSet<>();
                choices.stream().filter(Choice::isChosen).forEach(c -> chosen.add(id(c)));
                yield new Ballot.Approval(chosen);
            }
        };
    }

    /** The ranks given must be 1, 2, 3... each once: two projects at one rank, or a gap, are refused. */
    private Ballot ranking() {
        List<Choice> ranked = choices.stream().filter(c -> c.rank != null)
                .sorted(Comparator.comparing(Choice::getRank)).toList();
        checkedRanks(ranked.stream().map(Choice::getRank).toList());
        return new Ballot.Ordinal(ranked.stream().map(BallotChoices::id).toList());
    }

    /** Checks ranks in increasing order; true when they are 1, 2, 3... each once. */
    static boolean checkedRanks(List<Integer> sorted) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) != i + 1) {
                throw new InvalidInputException("ballot", i > 0 && sorted.get(i).equals(sorted.get(i - 1))
                        ? "budget.ballot.sameRank" : "budget.ballot.rankGap", sorted.get(i));
            }
        }
        return true;
    }

    private static ProjectId id(Choice choice) {
        return new ProjectId(String.valueOf(choice.id));
    }

    /** The summary line under the ballot, in the given language. */
    public String summary(Locale locale) {
        return switch (kind) {
            case CUMULATIVE -> Texts.format(locale, "budget.ballot.summary.points", pointsGiven(),
                    max - pointsGiven(), min);
            case ORDINAL -> Texts.format(locale, "budget.ballot.summary.ranks",
                    choices.stream().filter(c -> c.rank != null).count(), max);
            case APPROVAL -> Texts.format(locale, "budget.ballot.summary.approval", chosenCount(), min, max,
                    Math.max(0, max - chosenCount()));
            default -> Texts.format(locale, isOverEnvelope() ? "budget.ballot.summary.over" : "budget.ballot.summary.knapsack",
                    spent(), Math.abs(amount - spent()), amount);
        };
    }

    /** The kind's code, which the page compares and puts in message keys. */
    public String getKind() {
        return kind.code();
    }

    public boolean isOverEnvelope() {
        return kind == VotingRule.Kind.KNAPSACK && spent() > amount;
    }

    private long spent() {
        return choices.stream().filter(Choice::isChosen).mapToLong(Choice::getCost).sum();
    }

    private long chosenCount() {
        return choices.stream().filter(Choice::isChosen).count();
    }

    private int pointsGiven() {
        return choices.stream().filter(c -> c.points != null).mapToInt(Choice::getPoints).sum();
    }

    /** The ranks a voter may give (1 is the best). */
    public List<Integer> getRanks() {
        return kind == VotingRule.Kind.ORDINAL ? IntStream.rangeClosed(1, max).boxed().toList() : List.of();
    }

    public int getMaxPerProject() {
        return kind == VotingRule.Kind.CUMULATIVE ? min : 0;
    }

    public long getAmount() {
        return amount;
    }

    public List<Choice> getChoices() {
        return choices;
    }
}
