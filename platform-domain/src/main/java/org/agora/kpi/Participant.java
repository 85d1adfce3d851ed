package org.agora.kpi;

import java.util.List;

/**
 * The one written, versioned definition of a participant that every figure, page and export of the KPIs uses. A new
 * definition gets a new version (and a new text in the KPI bundles, key {@code kpi.participant.v<version>}), so a
 * figure can always say by which rule it was counted.
 *
 * <p>Version 1: a person who, in the period, submitted a response to a consultation that is not anonymous, submitted
 * or supported a budget project, cast a ballot through any channel (read from the register of who voted, never from
 * the ballots), commented, or joined a council or registered for one of its meetings. Responses to anonymous
 * consultations count as responses, but name nobody, so they make no participant.
 */
public record Participant(int version, List<Capability> capabilities) {

    /** The definition in force. */
    public static final Participant DEFINITION = new Participant(1, List.of(Capability.values()));

    public Participant {
        capabilities = List.copyOf(capabilities);
    }

    /** The bundle key of the definition's text. */
    public String textKey() {
        return "kpi.participant.v" + version;
    }

    /** What a participant does, one capability of the platform each. */
    public enum Capability {
        /** Submitted a response to a consultation that is not anonymous. */
        CONSULTATION,
        /** Submitted or supported a budget project. */
        BUDGET_PROJECT,
        /** Cast a ballot, online, at a desk or on paper (the register of who voted). */
        BUDGET_VOTE,
        /** Posted a comment. */
        COMMENT,
        /** Joined a council or registered for one of its meetings. */
        COUNCIL
    }
}
