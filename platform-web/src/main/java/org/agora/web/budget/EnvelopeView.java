package org.agora.web.budget;

import org.agora.budget.call.Envelope;

/**
 * An envelope as the call's page shows it to this visitor: its name and amount, how many projects it has, and
 * what the visitor may do with it now (submit, vote, see results, review), each decided by the domain.
 */
public record EnvelopeView(Envelope envelope, String name, long projects, boolean maySubmit, boolean mayVote,
                           boolean hasVoted, boolean resultsVisible, boolean manages) {

    public long getId() {
        return envelope.getId();
    }

    public String getName() {
        return name;
    }

    public Envelope getEnvelope() {
        return envelope;
    }

    public long getProjects() {
        return projects;
    }

    public boolean isMaySubmit() {
        return maySubmit;
    }

    public boolean isMayVote() {
        return mayVote;
    }

    public boolean isHasVoted() {
        return hasVoted;
    }

    public boolean isResultsVisible() {
        return resultsVisible;
    }

    public boolean isManages() {
        return manages;
    }
}
