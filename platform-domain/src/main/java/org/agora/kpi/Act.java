package org.agora.kpi;

import org.agora.kpi.Participant.Capability;

/** An act packed in a long: the person's number, the capability, the week from the period's first Monday. */
final class Act {

    static final int NO_WEEK = 0xFFF;
    private static final Capability[] CAPABILITIES = Capability.values();

    private Act() {
    }

    static long of(int person, Capability capability, int week) {
        return ((long) person << 16) | ((long) capability.ordinal() << 12) | (week < 0 || week >= NO_WEEK ? NO_WEEK : week);
    }

    static int person(long act) {
        return (int) (act >>> 16);
    }

    /** The ordinal of the act's capability. */
    static int capabilityOrdinal(long act) {
        return (int) ((act >>> 12) & 0xF);
    }

    static Capability capability(long act) {
        return CAPABILITIES[(int) ((act >>> 12) & 0xF)];
    }

    static int week(long act) {
        return (int) (act & 0xFFF);
    }
}
