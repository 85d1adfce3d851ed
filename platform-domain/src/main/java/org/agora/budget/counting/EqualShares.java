package org.agora.budget.counting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agora.budget.counting.Purses.Payment;
import org.agora.budget.counting.Purses.Price;
import org.agora.shared.InvalidInputException;

/**
 * The Method of Equal Shares for approval ballots with cost utilities, completed by "add1", as Pabulib's
 * {@code equalshares/add1} and equalshares.net define it.
 * <p>
 * The envelope is split equally between the voters. Repeatedly, among the projects whose supporters still
 * hold enough money together, the one that asks its supporters for the smallest payment per unit of its
 * cost is selected and paid by them in equal parts (a supporter who holds less pays all they hold, the
 * others the same larger part). Ties: more supporters first, then the lower cost, then the identifiers'
 * natural order. The count stops when no project can be paid.
 * <p>
 * Add1: when the result leaves money for another approved project, the count is run again with each
 * voter's share raised by one currency unit (starting from the envelope divided by the voters, rounded
 * down), as long as the result still fits the real envelope and leaves room for another approved project;
 * the last result that fits is kept. All arithmetic is exact (fractions), so the result does not depend on
 * rounding. {@link #selectUntilTheNextShareOverspends} is the variant Wieliczka counted with (Pabulib's
 * {@code equalshares/add1-comparison}): it goes on raising the shares past a result that leaves room for no other
 * approved project, as long as the next result still fits. {@link #comparisonStep} is equalshares.net's comparison
 * with the greedy outcome.
 * <p>
 * The count is not rerun for every share: after a run, the next shares are skipped while they are proven to
 * give the same result, since stepping through them one by one would keep it. The proof: for the same winners
 * paid in the same order, purses only grow and payments only fall as the share grows, so when at each round
 * every other project is unaffordable at the top of a range of shares, or no cheaper there than the round's
 * winner at its bottom, every share in the range gives these winners.
 */
public final class EqualShares {

    private final List<Project> projects;
    private final int[][] supporters;
    private final int voters;
    /** Between projects of the same price: more supporters first, then the lower cost, then the identifier. */
    private final Comparator<Integer> tieBreak;

    private EqualShares(List<Project> projects, Collection<? extends Ballot> ballots) {
        this.projects = List.copyOf(projects);
        Map<ProjectId, Integer> index = new HashMap<>();
        for (int c = 0; c < projects.size(); c++) {
            index.put(projects.get(c).id(), c);
        }
        List<List<Integer>> lists = new ArrayList<>();
        projects.forEach(p -> lists.add(new ArrayList<>()));
        int voter = 0;
        for (Ballot ballot : ballots) {
            if (!(ballot instanceof Ballot.Approval approval)) {
                throw new InvalidInputException("rule", "budget.rule.equalShares.approvalOnly");
            }
            for (ProjectId id : approval.choices()) {
                Integer c = index.get(id);
                if (c == null) {
                    throw new InvalidInputException("ballot", "budget.ballot.unknownProject", id.value());
                }
                lists.get(c).add(voter);
            }
            voter++;
        }
        this.voters = voter;
        this.supporters = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.tieBreak = Comparator.<Integer>comparingInt(c -> -supporters[c].length)
                .thenComparing(c -> projects.get(c).cost())
                .thenComparing(c -> projects.get(c).id());
    }

    /** The winners of an envelope of {@code amount}, in the order the method selected them. */
    public static List<ProjectId> select(Money amount, List<Project> projects, Collection<? extends Ballot> ballots) {
        return select(amount, projects, ballots, true);
    }

    /**
     * Add1 as Wieliczka counted its Green Budget 2023 (Pabulib {@code equalshares/add1-comparison}): the shares are
     * raised as long as the next share's outcome still fits the envelope, even past an outcome that leaves no room
     * for another approved project (equalshares.net's "stop process when exhaustive" option off). It ends when the
     * next share would overspend, or when every approved project is selected.
     */
    static List<ProjectId> selectUntilTheNextShareOverspends(Money amount, List<Project> projects,
                                                             Collection<? extends Ballot> ballots) {
        return select(amount, projects, ballots, false);
    }

    private static List<ProjectId> select(Money amount, List<Project> projects, Collection<? extends Ballot> ballots,
                                          boolean stopWhenExhaustive) {
        EqualShares method = new EqualShares(projects, ballots);
        if (method.voters == 0) {
            return List.of();
        }
        long total = amount.amount();
        List<Integer> outcome = method.withShare(Ratio.of(total, method.voters));
        long share = total / method.voters;
        while (!method.isFinal(outcome, total, stopWhenExhaustive)) {
            share++;
            List<Integer> next = method.withShare(Ratio.of(share));
            if (method.cost(next) > total) {
                break;
            }
            outcome = next;
            if (!method.isFinal(outcome, total, stopWhenExhaustive)) {
                // raising the shares one by one through the next ones would give and keep this same outcome
                share = method.lastShareWithSameOutcome(share, outcome);
            }
        }
        return outcome.stream().map(c -> projects.get(c).id()).toList();
    }

    private boolean isFinal(List<Integer> outcome, long total, boolean stopWhenExhaustive) {
        return stopWhenExhaustive ? isExhaustive(outcome, total) : everyApprovedProjectIn(outcome);
    }

    private boolean everyApprovedProjectIn(List<Integer> outcome) {
        for (int c = 0; c < projects.size(); c++) {
            if (supporters[c].length > 0 && !outcome.contains(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The comparison step of equalshares.net (Pabulib's {@code equalshares/add1-comparison}): each voter compares how
     * many of the projects they approved each outcome funds; when more voters have more approved projects funded by
     * the {@code greedy} outcome than by the {@code equalShares} one, the greedy outcome is chosen, otherwise (ties
     * included) the Equal Shares one stays. Voters who have as many either way count for neither.
     */
    static List<ProjectId> comparisonStep(List<ProjectId> equalShares, List<ProjectId> greedy,
                                          Collection<? extends Ballot> ballots) {
        java.util.Set<ProjectId> mes = java.util.Set.copyOf(equalShares);
        java.util.Set<ProjectId> utilitarian = java.util.Set.copyOf(greedy);
        long prefersEqualShares = 0;
        long prefersGreedy = 0;
        for (Ballot ballot : ballots) {
            if (!(ballot instanceof Ballot.Approval approval)) {
                throw new InvalidInputException("rule", "budget.rule.equalShares.approvalOnly");
            }
            long inEqualShares = approval.choices().stream().filter(mes::contains).count();
            long inGreedy = approval.choices().stream().filter(utilitarian::contains).count();
            if (inEqualShares > inGreedy) {
                prefersEqualShares++;
            } else if (inGreedy > inEqualShares) {
                prefersGreedy++;
            }
        }
        return prefersGreedy > prefersEqualShares ? List.copyOf(greedy) : List.copyOf(equalShares);
    }

    /** The method without completion: every voter starts with {@code share}. */
    static List<ProjectId> withoutCompletion(Money amount, List<Project> projects,
                                             Collection<? extends Ballot> ballots) {
        EqualShares method = new EqualShares(projects, ballots);
        if (method.voters == 0) {
            return List.of();
        }
        return method.withShare(Ratio.of(amount.amount(), method.voters)).stream()
                .map(c -> projects.get(c).id()).toList();
    }

    private long cost(List<Integer> outcome) {
        return outcome.stream().mapToLong(c -> projects.get(c).cost().amount()).sum();
    }

    private boolean isExhaustive(List<Integer> outcome, long total) {
        long left = total - cost(outcome);
        for (int c = 0; c < projects.size(); c++) {
            // a project nobody approved can never be paid, however large the shares grow
            if (supporters[c].length > 0 && !outcome.contains(c) && projects.get(c).cost().amount() <= left) {
                return false;
            }
        }
        return true;
    }

    /**
     * One run with every voter holding {@code share}. Voters who paid for the same projects hold the same
     * money, so money is kept per group of such voters ("purse"), not per voter.
     */
    private List<Integer> withShare(Ratio share) {
        Purses purses = new Purses(voters, share);
        boolean[] open = new boolean[projects.size()];
        Price[] lowerBound = new Price[projects.size()];
        for (int c = 0; c < projects.size(); c++) {
            open[c] = supporters[c].length > 0;
            // with equal purses each supporter pays cost / supporters, that is 1 / supporters per unit of cost;
            // purses only shrink, so a project's price never falls below what it was last time
            lowerBound[c] = supporters[c].length > 0 ? Price.of(1, supporters[c].length) : null;
        }
        List<Integer> winners = new ArrayList<>();
        while (true) {
            List<Integer> candidates = new ArrayList<>();
            for (int c = 0; c < projects.size(); c++) {
                if (open[c]) {
                    candidates.add(c);
                }
            }
            candidates.sort(Comparator.<Integer, Price>comparing(c -> lowerBound[c]).thenComparing(tieBreak));
            int best = -1;
            Price bestPrice = null;
            Payment bestPayment = null;
            for (int c : candidates) {
                if (best >= 0 && lowerBound[c].compareTo(bestPrice) > 0) {
                    break;
                }
                Payment payment = purses.payment(supporters[c], cost(c));
                if (payment == null) {
                    open[c] = false;
                    continue;
                }
                Price price = payment.price(cost(c));
                lowerBound[c] = price;
                int comparison = best < 0 ? -1 : price.compareTo(bestPrice);
                if (comparison < 0 || comparison == 0 && tieBreak.compare(c, best) < 0) {
                    best = c;
                    bestPrice = price;
                    bestPayment = payment;
                }
            }
            if (best < 0) {
                return winners;
            }
            winners.add(best);
            open[best] = false;
            purses.pay(supporters[best], bestPayment);
        }
    }

    /**
     * The last share, from {@code share} on, up to which {@code winners} (the outcome at {@code share}) is
     * proven to stay the outcome.
     * <p>
     * Paying the same winners in the same order, purses only grow and payments only fall as the share grows
     * (round after round: supporters who hold more pay no more of the same cost, and keep more). So every share
     * from a to b gives these winners when, at each round, every other project is at b unaffordable or dearer
     * than the round's winner was at a (or as dear and after it in the tie-break), and none is affordable at b
     * after the last round. The range grows by steps that double while this check succeeds and halve when it
     * fails, until it fails one share further.
     */
    private long lastShareWithSameOutcome(long share, List<Integer> winners) {
        Price[] prices = replay(winners, Ratio.of(share), null);
        long step = 1;
        while (step > 0) {
            // it ends: an approved project is left out (one that fits, when add1 stops at an exhaustive outcome), and
            // large enough shares make it affordable
            long further = Math.addExact(share, step);
            Price[] pricesFurther = replay(winners, Ratio.of(further), prices);
            if (pricesFurther != null) {
                share = further;
                prices = pricesFurther;
                step *= 2;
            } else {
                step /= 2;
            }
        }
        return share;
    }

    /**
     * Pays {@code winners} in order, every voter starting with {@code share}, and returns the price of each
     * winner. With {@code earlierPrices} (the winners' prices at a smaller share), returns null unless at each
     * round every other project is unaffordable, dearer than the round's winner was at that share, or as dear
     * and after it in the tie-break, and none is affordable after the last round.
     */
    private Price[] replay(List<Integer> winners, Ratio share, Price[] earlierPrices) {
        Purses purses = new Purses(voters, share);
        boolean[] open = new boolean[projects.size()];
        Price[] lowerBound = new Price[projects.size()];
        for (int c = 0; c < projects.size(); c++) {
            open[c] = supporters[c].length > 0;
            // as in withShare: purses only shrink from round to round, so prices only rise
            lowerBound[c] = supporters[c].length > 0 ? Price.of(1, supporters[c].length) : null;
        }
        Price[] prices = new Price[winners.size()];
        for (int round = 0; round < winners.size(); round++) {
            int winner = winners.get(round);
            Payment payment = purses.payment(supporters[winner], cost(winner));
            if (payment == null) {
                // purses grow with the share: a winner at a smaller share stays affordable
                throw new IllegalStateException("project " + projects.get(winner).id().value() + " not affordable");
            }
            prices[round] = payment.price(cost(winner));
            open[winner] = false;
            if (earlierPrices != null) {
                for (int c = 0; c < projects.size(); c++) {
                    if (open[c] && !isNotCheaper(lowerBound[c], c, winner, earlierPrices[round])) {
                        Payment paymentOfC = purses.payment(supporters[c], cost(c));
                        if (paymentOfC == null) {
                            open[c] = false;
                            continue;
                        }
                        lowerBound[c] = paymentOfC.price(cost(c));
                        if (!isNotCheaper(lowerBound[c], c, winner, earlierPrices[round])) {
                            return null;
                        }
                    }
                }
            }
            purses.pay(supporters[winner], payment);
        }
        if (earlierPrices != null) {
            for (int c = 0; c < projects.size(); c++) {
                if (open[c] && purses.payment(supporters[c], cost(c)) != null) {
                    return null;
                }
            }
        }
        return prices;
    }

    private boolean isNotCheaper(Price price, int c, int winner, Price winnerPrice) {
        int comparison = price.compareTo(winnerPrice);
        return comparison > 0 || comparison == 0 && tieBreak.compare(winner, c) < 0;
    }

    private long cost(int c) {
        return projects.get(c).cost().amount();
    }
}
