package org.agora.budget.counting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What each voter still holds during one count of Equal Shares. Voters who paid for the same projects hold
 * the same amount and share a purse. Every purse is an integer over one common denominator, so that comparing
 * and adding purses is integer arithmetic with no fraction to reduce; the denominator is multiplied by the
 * number of equal parts of each payment.
 */
final class Purses {

    /**
     * What each supporter of a project pays, {@code numerator / denominator}, or all they hold when they hold
     * less; {@code sharing} supporters pay the full part. Valid for the purses it was computed on only.
     */
    record Payment(BigInteger numerator, BigInteger denominator, long sharing) {

        /** What the supporters pay per unit of the project's cost. */
        Price price(long cost) {
            return new Price(numerator, denominator.multiply(BigInteger.valueOf(cost)));
        }
    }

    /** A payment per unit of cost: an exact fraction, compared without being reduced. */
    record Price(BigInteger numerator, BigInteger denominator) implements Comparable<Price> {

        static Price of(long numerator, long denominator) {
            return new Price(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }

        @Override
        public int compareTo(Price other) {
            return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
        }
    }

    private final int[] purseOf;
    private BigInteger[] held;
    private BigInteger denominator;

    /** Every one of {@code voters} holds {@code share}. */
    Purses(int voters, Ratio share) {
        this.purseOf = new int[voters];
        this.held = new BigInteger[] {share.numerator()};
        this.denominator = share.denominator();
    }

    /**
     * What each of {@code supporters} pays when they share {@code cost} equally, those holding less paying all
     * they hold; null when they cannot pay it together. Purses are visited from the poorest: whoever holds at
     * least an equal part of what is left pays that part, and so does everyone richer.
     */
    Payment payment(int[] supporters, long cost) {
        int[] supportersPerPurse = new int[held.length];
        List<Integer> order = new ArrayList<>();
        for (int voter : supporters) {
            if (supportersPerPurse[purseOf[voter]]++ == 0) {
                order.add(purseOf[voter]);
            }
        }
        order.sort((one, other) -> held[one].compareTo(held[other]));
        BigInteger left = denominator.multiply(BigInteger.valueOf(cost));
        long sharing = supporters.length;
        for (int purse : order) {
            if (held[purse].multiply(BigInteger.valueOf(sharing)).compareTo(left) >= 0) {
                return new Payment(left, denominator.multiply(BigInteger.valueOf(sharing)), sharing);
            }
            int count = supportersPerPurse[purse];
            left = left.subtract(held[purse].multiply(BigInteger.valueOf(count)));
            sharing -= count;
        }
        return null;
    }

    /**
     * {@code supporters} pay {@code payment} (computed on these purses), or all they hold when they hold less.
     * The purses are renumbered: those still held by some voter only.
     */
    void pay(int[] supporters, Payment payment) {
        boolean[] pays = new boolean[purseOf.length];
        for (int voter : supporters) {
            pays[voter] = true;
        }
        // the new common denominator: the least multiple of the current one and of the payment's, reduced
        BigInteger common = payment.numerator().gcd(payment.denominator());
        BigInteger part = payment.numerator().divide(common);
        BigInteger partDenominator = payment.denominator().divide(common);
        BigInteger scale = partDenominator.divide(partDenominator.gcd(denominator));
        BigInteger paid = part.multiply(denominator.multiply(scale).divide(partDenominator));
        boolean rescaled = !scale.equals(BigInteger.ONE);
        int[] keptAs = new int[held.length];
        int[] paidAs = new int[held.length];
        Arrays.fill(keptAs, -1);
        Arrays.fill(paidAs, -1);
        List<BigInteger> after = new ArrayList<>();
        for (int voter = 0; voter < purseOf.length; voter++) {
            int purse = purseOf[voter];
            int[] renumbered = pays[voter] ? paidAs : keptAs;
            if (renumbered[purse] < 0) {
                BigInteger over = rescaled ? held[purse].multiply(scale) : held[purse];
                after.add(pays[voter] ? over.subtract(paid).max(BigInteger.ZERO) : over);
                renumbered[purse] = after.size() - 1;
            }
            purseOf[voter] = renumbered[purse];
        }
        held = after.toArray(BigInteger[]::new);
        denominator = denominator.multiply(scale);
    }
}
