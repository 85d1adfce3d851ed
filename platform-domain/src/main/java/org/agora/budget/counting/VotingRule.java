package org.agora.budget.counting;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.shared.InvalidInputException;

/**
 * The ballot rule of a call: which ballots are acceptable in an envelope, and how many votes or points a
 * ballot gives each project when the votes are counted. Every refusal is an {@link InvalidInputException}
 * on the field {@code ballot} with a key {@code budget.ballot.*}; nothing is stored for a refused ballot.
 * A rule is also its {@link Kind} and the {@link Settings} it was set with: that is how the database, the API and the
 * pages store, send and show it, and how they build it back ({@link #of}).
 */
public sealed interface VotingRule {

    String FIELD = "ballot";

    /**
     * The kinds of ballot: approve projects (within a number, or within the envelope's amount), or give them points
     * (spread, or by rank). The constant's name is the code the database, the API and the pages use.
     */
    enum Kind {
        APPROVAL, KNAPSACK, CUMULATIVE, ORDINAL;

        public String code() {
            return name();
        }

        /** The kind of this code, if one has it. */
        public static Optional<Kind> fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /** Whether a ballot of this kind approves projects (one vote each) rather than giving them points. */
        public boolean approves() {
            return this == APPROVAL || this == KNAPSACK;
        }
    }

    /**
     * The numbers a rule is set with, named as the API names them; each kind uses its own and leaves the others null:
     * approval {@code min} and {@code max} choices, cumulative {@code totalPoints} and {@code maxPerProject}, ordinal
     * {@code ranks}, knapsack none.
     */
    record Settings(Integer min, Integer max, Integer totalPoints, Integer maxPerProject, Integer ranks) {

        private static int required(Integer value, String field) {
            if (value == null) {
                throw new InvalidInputException(field, "validation.required");
            }
            return value;
        }
    }

    /** The rule of this kind with these settings; a number the kind uses is required, the others are ignored. */
    static VotingRule of(Kind kind, Settings settings) {
        return switch (kind) {
            case APPROVAL -> new Approval(Settings.required(settings.min(), "min"),
                    Settings.required(settings.max(), "max"));
            case KNAPSACK -> new Knapsack();
            case CUMULATIVE -> new Cumulative(Settings.required(settings.totalPoints(), "totalPoints"),
                    Settings.required(settings.maxPerProject(), "maxPerProject"));
            case ORDINAL -> new Ordinal(Settings.required(settings.ranks(), "ranks"));
        };
    }

    Kind kind();

    Settings settings();

    /** Refuses the ballot when it breaks the rule for an envelope of {@code amount} offering {@code projects}. */
    void validate(Ballot ballot, Collection<Project> projects, Money amount);

    /** Votes or points the (valid) ballot gives each project it names. */
    Map<ProjectId, Long> points(Ballot ballot);

    /** The ballot that gave these points: the inverse of {@link #points}, for ballots read back from storage. */
    Ballot fromPoints(Map<ProjectId, Integer> points);

    /**
     * The most projects a valid ballot can name in an envelope of {@code amount} offering {@code projects}: what every
     * sealed ballot of the envelope is padded to, so that none is longer than another and none longer than needed.
     */
    int mostChoices(Collection<Project> projects, Money amount);

    /** Approve between {@code min} and {@code max} projects. */
    record Approval(int min, int max) implements VotingRule {

        public Approval {
            if (min < 0 || max < 1 || min > max) {
                throw new InvalidInputException("rule", "budget.rule.choicesOutOfRange", min, max);
            }
        }

        @Override
        public Kind kind() {
            return Kind.APPROVAL;
        }

        @Override
        public Settings settings() {
            return new Settings(min, max, null, null, null);
        }

        @Override
        public void validate(Ballot ballot, Collection<Project> projects, Money amount) {
            Ballot.Approval approval = expect(Ballot.Approval.class, ballot);
            requireKnown(approval.choices(), projects);
            int count = approval.choices().size();
            if (count < min) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooFewChoices", min, count);
            }
            if (count > max) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooManyChoices", max, count);
            }
        }

        @Override
        public Map<ProjectId, Long> points(Ballot ballot) {
            return onePointEach(ballot);
        }

        @Override
        public Ballot fromPoints(Map<ProjectId, Integer> points) {
            return new Ballot.Approval(points.keySet());
        }

        @Override
        public int mostChoices(Collection<Project> projects, Money amount) {
            return Math.min(max, projects.size());
        }
    }

    /** Approve at least one project; the chosen projects together must cost no more than the envelope. */
    record Knapsack() implements VotingRule {

        @Override
        public Kind kind() {
            return Kind.KNAPSACK;
        }

        @Override
        public Settings settings() {
            return new Settings(null, null, null, null, null);
        }

        @Override
        public void validate(Ballot ballot, Collection<Project> projects, Money amount) {
            Ballot.Approval approval = expect(Ballot.Approval.class, ballot);
            Map<ProjectId, Project> byId = requireKnown(approval.choices(), projects);
            if (approval.choices().isEmpty()) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooFewChoices", 1, 0);
            }
            Money total = Money.ZERO;
            for (ProjectId id : approval.choices()) {
                total = total.plus(byId.get(id).cost());
            }
            if (!total.isAtMost(amount)) {
                throw new InvalidInputException(FIELD, "budget.ballot.overEnvelope", total.amount(), amount.amount());
            }
        }

        @Override
        public Map<ProjectId, Long> points(Ballot ballot) {
            return onePointEach(ballot);
        }

        @Override
        public Ballot fromPoints(Map<ProjectId, Integer> points) {
            return new Ballot.Approval(points.keySet());
        }

        /** As many of the cheapest projects as fit in the envelope: no set that fits is larger. */
        @Override
        public int mostChoices(Collection<Project> projects, Money amount) {
            List<Money> costs = projects.stream().map(Project::cost).sorted(java.util.Comparator.comparingLong(Money::amount))
                    .toList();
            Money total = Money.ZERO;
            int fitting = 0;
            for (Money cost : costs) {
                total = total.plus(cost);
                if (!total.isAtMost(amount)) {
                    break;
                }
                fitting++;
            }
            return fitting;
        }
    }

    /** Spread up to {@code totalPoints} points, at most {@code maxPerProject} on one project, at least one in all. */
    record Cumulative(int totalPoints, int maxPerProject) implements VotingRule {

        public Cumulative {
            if (maxPerProject < 1 || totalPoints < maxPerProject) {
                throw new InvalidInputException("rule", "budget.rule.pointsOutOfRange", totalPoints, maxPerProject);
            }
        }

        @Override
        public Kind kind() {
            return Kind.CUMULATIVE;
        }

        @Override
        public Settings settings() {
            return new Settings(null, null, totalPoints, maxPerProject, null);
        }

        @Override
        public void validate(Ballot ballot, Collection<Project> projects, Money amount) {
            Ballot.Cumulative cumulative = expect(Ballot.Cumulative.class, ballot);
            requireKnown(cumulative.points().keySet(), projects);
            if (cumulative.points().isEmpty()) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooFewChoices", 1, 0);
            }
            long total = 0;
            for (Map.Entry<ProjectId, Integer> entry : cumulative.points().entrySet()) {
                int given = entry.getValue();
                if (given < 1) {
                    throw new InvalidInputException(FIELD, "budget.ballot.pointsNotPositive", entry.getKey().value(), given);
                }
                if (given > maxPerProject) {
                    throw new InvalidInputException(FIELD, "budget.ballot.tooManyPointsOnOne",
                            maxPerProject, entry.getKey().value(), given);
                }
                total += given;
            }
            if (total > totalPoints) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooManyPoints", totalPoints, total);
            }
        }

        @Override
        public Map<ProjectId, Long> points(Ballot ballot) {
            Ballot.Cumulative cumulative = expect(Ballot.Cumulative.class, ballot);
            Map<ProjectId, Long> points = new LinkedHashMap<>();
            cumulative.points().forEach((id, given) -> points.put(id, (long) given));
            return points;
        }

        @Override
        public Ballot fromPoints(Map<ProjectId, Integer> points) {
            return new Ballot.Cumulative(points);
        }

        /** At least one point on each project named. */
        @Override
        public int mostChoices(Collection<Project> projects, Money amount) {
            return Math.min(totalPoints, projects.size());
        }
    }

    /**
     * Rank one to {@code ranks} projects, best first, each at most once. The first gets {@code ranks} points,
     * the next one less, and so on (a Borda count over the ranks offered).
     */
    record Ordinal(int ranks) implements VotingRule {

        public Ordinal {
            if (ranks < 1) {
                throw new InvalidInputException("rule", "budget.rule.choicesOutOfRange", 1, ranks);
            }
        }

        @Override
        public Kind kind() {
            return Kind.ORDINAL;
        }

        @Override
        public Settings settings() {
            return new Settings(null, null, null, null, ranks);
        }

        @Override
        public void validate(Ballot ballot, Collection<Project> projects, Money amount) {
            Ballot.Ordinal ordinal = expect(Ballot.Ordinal.class, ballot);
            requireKnown(ordinal.ranking(), projects);
            Set<ProjectId> seen = new HashSet<>();
            for (ProjectId id : ordinal.ranking()) {
                if (!seen.add(id)) {
                    throw new InvalidInputException(FIELD, "budget.ballot.duplicateRank", id.value());
                }
            }
            int count = ordinal.ranking().size();
            if (count < 1) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooFewChoices", 1, count);
            }
            if (count > ranks) {
                throw new InvalidInputException(FIELD, "budget.ballot.tooManyChoices", ranks, count);
            }
        }

        @Override
        public Map<ProjectId, Long> points(Ballot ballot) {
            List<ProjectId> ranking = expect(Ballot.Ordinal.class, ballot).ranking();
            Map<ProjectId, Long> points = new LinkedHashMap<>();
            for (int position = 0; position < ranking.size() && position < ranks; position++) {
                points.putIfAbsent(ranking.get(position), (long) (ranks - position));
            }
            return points;
        }

        /** The projects ranked by their points, most first. */
        @Override
        public Ballot fromPoints(Map<ProjectId, Integer> points) {
            return new Ballot.Ordinal(points.entrySet().stream()
                    .sorted(Map.Entry.<ProjectId, Integer>comparingByValue(Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).toList());
        }

        @Override
        public int mostChoices(Collection<Project> projects, Money amount) {
            return Math.min(ranks, projects.size());
        }
    }

    private static <B extends Ballot> B expect(Class<B> type, Ballot ballot) {
        if (!type.isInstance(ballot)) {
            throw new InvalidInputException(FIELD, "budget.ballot.wrongType", type.getSimpleName(),
                    ballot == null ? "none" : ballot.getClass().getSimpleName());
        }
        return type.cast(ballot);
    }

    private static Map<ProjectId, Project> requireKnown(Collection<ProjectId> chosen, Collection<Project> projects) {
        Map<ProjectId, Project> byId = projects.stream()
                .collect(Collectors.toMap(Project::id, Function.identity(), (a, b) -> a));
        for (ProjectId id : chosen) {
            if (!byId.containsKey(id)) {
                throw new InvalidInputException(FIELD, "budget.ballot.unknownProject", id.value());
            }
        }
        return byId;
    }

    private static Map<ProjectId, Long> onePointEach(Ballot ballot) {
        Map<ProjectId, Long> points = new LinkedHashMap<>();
        for (ProjectId id : expect(Ballot.Approval.class, ballot).choices()) {
            points.put(id, 1L);
        }
        return points;
    }
}
