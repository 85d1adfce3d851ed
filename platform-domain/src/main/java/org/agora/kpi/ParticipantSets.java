package org.agora.kpi;

import java.util.BitSet;
import org.agora.kpi.Participant.Capability;

/**
 * The participants of a scope, as bit sets of people's numbers: all of them, per capability, per week of the period.
 * Filled from the period's acts in one small loop (kept apart from the service, so that the JIT compiles it early).
 */
final class ParticipantSets {

    private static final int CAPABILITIES = Capability.values().length;

    final BitSet all;
    final BitSet[] byCapability = new BitSet[CAPABILITIES];
    final BitSet[] weekly;
    private final int people;

    private ParticipantSets(int people, int weeks) {
        this.people = people;
        this.all = new BitSet(people);
        this.weekly = new BitSet[weeks];
    }

    /** The acts' people living in the district of index {@code scopeIndex}, or all of them when {@code scoped} is false. */
    static ParticipantSets of(LongList acts, KpiPeople people, boolean scoped, int scopeIndex, int weeks) {
        ParticipantSets sets = new ParticipantSets(people.size(), weeks);
        for (int i = 0, n = acts.size(); i < n; i++) {
            long act = acts.get(i);
            int person = Act.person(act);
            if (!scoped || people.districtIndex(person) == scopeIndex) {
                sets.add(person, Act.capabilityOrdinal(act), Act.week(act));
            }
        }
        return sets;
    }

    private void add(int person, int capability, int week) {
        all.set(person);
        BitSet set = byCapability[capability];
        if (set == null) {
            set = byCapability[capability] = new BitSet(people);
        }
        set.set(person);
        if (week != Act.NO_WEEK && week < weekly.length) {
            BitSet inWeek = weekly[week];
            if (inWeek == null) {
                inWeek = weekly[week] = new BitSet(people);
            }
            inWeek.set(person);
        }
    }
}
