package org.agora.budget.counting;

import org.agora.shared.InvalidInputException;

/**
 * The identifier of a project on a ballot (as a Pabulib file names it: {@code c12}, {@code 4144}). Ordered
 * naturally: runs of digits compare as numbers, so {@code c2} comes before {@code c10}; this order is the
 * last tie-break of every tally.
 */
public record ProjectId(String value) implements Comparable<ProjectId> {

    public ProjectId {
        if (value == null || value.isBlank() || !value.equals(value.strip())) {
            throw new InvalidInputException("project", "budget.project.idMalformed", String.valueOf(value));
        }
    }

    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public int compareTo(ProjectId other) {
        String a = value;
        String b = other.value;
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = new java.math.BigInteger(a.substring(i, endA))
                        .compareTo(new java.math.BigInteger(b.substring(j, endB)));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        // "c01" and "c1" are equal as numbers; keep the order total and consistent with equals
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    @Override
    public String toString() {
        return value;
    }
}
