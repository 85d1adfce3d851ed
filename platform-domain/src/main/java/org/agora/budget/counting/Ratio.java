package org.agora.budget.counting;

import java.math.BigInteger;

/** An exact fraction, so that Equal Shares never depends on floating-point rounding. Always reduced, denominator positive. */
record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

    static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);

    Ratio {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Ratio of(long value) {
        return new Ratio(BigInteger.valueOf(value), BigInteger.ONE);
    }

    static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Ratio plus(Ratio other) {
        if (denominator.equals(other.denominator)) {
            return new Ratio(numerator.add(other.numerator), denominator);
        }
        return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Ratio minus(Ratio other) {
        return plus(new Ratio(other.numerator.negate(), other.denominator));
    }

    Ratio times(long factor) {
        return new Ratio(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    Ratio dividedBy(long divisor) {
        return new Ratio(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    Ratio min(Ratio other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Ratio other) {
        if (denominator.equals(other.denominator)) {
            return numerator.compareTo(other.numerator);
        }
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
