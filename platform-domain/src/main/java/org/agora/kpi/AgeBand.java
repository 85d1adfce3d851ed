package org.agora.kpi;

import java.util.Optional;

/** Age bands of the breakdowns, from the birth year a person declared and the year the period ends. */
public enum AgeBand {
    UNDER_18(0, 17), FROM_18_TO_24(18, 24), FROM_25_TO_34(25, 34), FROM_35_TO_49(35, 49), FROM_50_TO_64(50, 64),
    FROM_65(65, Integer.MAX_VALUE), UNKNOWN(-1, -1);

    private static final AgeBand[] BANDS = values();

    private final int lowest;
    private final int highest;

    AgeBand(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    /** The band of someone born that year, as old as they turn in {@code year}; unknown without a birth year. */
    public static AgeBand of(Optional<Integer> birthYear, int year) {
        return birthYear.isEmpty() ? UNKNOWN : ofAge(year - birthYear.get());
    }

    /** The same, 0 standing for no birth year (the KPIs' compact register). */
    static AgeBand of(int birthYearOrZero, int year) {
        return birthYearOrZero == 0 ? UNKNOWN : ofAge(year - birthYearOrZero);
    }

    private static AgeBand ofAge(int age) {
        for (AgeBand band : BANDS) {
            if (band != UNKNOWN && age >= band.lowest && age <= band.highest) {
                return band;
            }
        }
        return UNKNOWN;
    }

    /** The bundle key of the band's label. */
    public String textKey() {
        return "kpi.age." + name();
    }
}
