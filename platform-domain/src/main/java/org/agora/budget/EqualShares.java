package org.agora.budget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agora.budget.Purses.Payment;
import org.agora.budget.Purses.Price;
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
 * rounding.
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
        EqualShares method = new EqualShares(projects, ballots);
        if (method.voters == 0) {
            return List.of();
        }
        long total = amount.amount();
        List<Integer> outcome = method.withShare(Ratio.of(total, method.voters));
        long share = total / method.voters;
        while (!method.isExhaustive(outcome, total)) {
            share++;
            List<Integer> next = method.withShare(Ratio.of(share));
            if (method.cost(next) > total) {
                break;
            }
            outcome = next;
        }
        return outcome.stream().map(c -> projects.get(c).id()).toList();
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

    private long cost(int c) {
        return projects.get(c).cost().amount();
    }
}
