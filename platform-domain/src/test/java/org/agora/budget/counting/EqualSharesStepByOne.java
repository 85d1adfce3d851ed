package org.agora.budget.counting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agora.shared.InvalidInputException;

/**
 * Equal Shares with add1 completion as it was counted before runs were skipped: every voter's share raised by
 * one unit at a time and the whole count run again each time, purses as reduced fractions. The reference the
 * faster {@link EqualShares} must agree with; too slow for large elections (Budapest VIII: 74,757 runs).
 */
final class EqualSharesStepByOne {

    private final List<Project> projects;
    private final int[][] supporters;
    private final int voters;

    private EqualSharesStepByOne(List<Project> projects, Collection<? extends Ballot> ballots) {
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
    }

    /** The winners, whether add1 stopped because the next share's count would overspend, and the counts run. */
    record Completion(List<ProjectId> winners, boolean overspentNext, int runs) {
    }

    static Completion select(Money amount, List<Project> projects, Collection<? extends Ballot> ballots) {
        EqualSharesStepByOne method = new EqualSharesStepByOne(projects, ballots);
        if (method.voters == 0) {
            return new Completion(List.of(), false, 0);
        }
        boolean overspentNext = false;
        int runs = 1;
        long total = amount.amount();
        List<Integer> outcome = method.withShare(Ratio.of(total, method.voters));
        long share = total / method.voters;
        while (!method.isExhaustive(outcome, total)) {
            share++;
            List<Integer> next = method.withShare(Ratio.of(share));
            runs++;
            if (method.cost(next) > total) {
                overspentNext = true;
                break;
            }
            outcome = next;
        }
        return new Completion(outcome.stream().map(c -> projects.get(c).id()).toList(), overspentNext, runs);
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
        int[] purseOf = new int[voters];
        List<Ratio> purses = new ArrayList<>();
        purses.add(share);
        boolean[] open = new boolean[projects.size()];
        Ratio[] lowerBound = new Ratio[projects.size()];
        for (int c = 0; c < projects.size(); c++) {
            open[c] = supporters[c].length > 0;
            // with equal purses each supporter pays cost / supporters, that is 1 / supporters per unit of cost;
            // purses only shrink, so a project's price never falls below what it was last time
            lowerBound[c] = supporters[c].length > 0 ? Ratio.of(1, supporters[c].length) : null;
        }
        Comparator<Integer> tieBreak = Comparator.<Integer>comparingInt(c -> -supporters[c].length)
                .thenComparing(c -> projects.get(c).cost())
                .thenComparing(c -> projects.get(c).id());
        List<Integer> winners = new ArrayList<>();
        while (true) {
            List<Integer> candidates = new ArrayList<>();
            for (int c = 0; c < projects.size(); c++) {
                if (open[c]) {
                    candidates.add(c);
                }
            }
            candidates.sort(Comparator.<Integer, Ratio>comparing(c -> lowerBound[c]).thenComparing(tieBreak));
            int best = -1;
            Ratio bestPrice = null;
            Ratio bestPayment = null;
            for (int c : candidates) {
                if (best >= 0 && lowerBound[c].compareTo(bestPrice) > 0) {
                    break;
                }
                Ratio payment = payment(c, purseOf, purses);
                if (payment == null) {
                    open[c] = false;
                    continue;
                }
                Ratio price = payment.dividedBy(projects.get(c).cost().amount());
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
            Map<Integer, Integer> paidPurse = new HashMap<>();
            for (int voter : supporters[best]) {
                int purse = purseOf[voter];
                Integer after = paidPurse.get(purse);
                if (after == null) {
                    Ratio held = purses.get(purse);
                    purses.add(held.minus(held.min(bestPayment)));
                    after = purses.size() - 1;
                    paidPurse.put(purse, after);
                }
                purseOf[voter] = after;
            }
        }
    }

    /**
     * The most any supporter of project {@code c} pays when its supporters share its cost equally, those
     * holding less paying all they hold; null when they cannot pay it together. Purses are visited from the
     * poorest, so only the purses that are emptied are ever added up.
     */
    private Ratio payment(int c, int[] purseOf, List<Ratio> purses) {
        int[] supportersPerPurse = new int[purses.size()];
        List<Integer> order = new ArrayList<>();
        for (int voter : supporters[c]) {
            if (supportersPerPurse[purseOf[voter]]++ == 0) {
                order.add(purseOf[voter]);
            }
        }
        order.sort(Comparator.comparing(purses::get));
        Ratio cost = Ratio.of(projects.get(c).cost().amount());
        Ratio paid = Ratio.ZERO;
        long sharing = supporters[c].length;
        for (int purse : order) {
            Ratio equalPart = cost.minus(paid).dividedBy(sharing);
            Ratio held = purses.get(purse);
            if (held.compareTo(equalPart) >= 0) {
                return equalPart;
            }
            int count = supportersPerPurse[purse];
            paid = paid.plus(held.times(count));
            sharing -= count;
        }
        return null;
    }
}
