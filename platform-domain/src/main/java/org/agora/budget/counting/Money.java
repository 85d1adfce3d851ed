package org.agora.budget.counting;

import org.agora.shared.InvalidInputException;

/**
 * An amount of money in the smallest unit of the call's currency (cents, or whole units when the city
 * counts in whole units, as Pabulib files do). Never negative; never a floating-point number.
 */
public record Money(long amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (amount < 0) {
            throw new InvalidInputException("amount", "budget.money.negative", amount);
        }
    }

    public static Money of(long amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(amount, other.amount));
    }

    /** What is left after spending {@code other}; refused when {@code other} is more than this. */
    public Money minus(Money other) {
        return new Money(amount - other.amount);
    }

    public boolean isAtMost(Money other) {
        return amount <= other.amount;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return Long.toString(amount);
    }
}
