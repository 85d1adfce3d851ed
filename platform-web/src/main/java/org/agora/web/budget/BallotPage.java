package org.agora.web.budget;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.vote.VotingService;
import org.agora.web.audience.PageAudience;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * A resident's ballot for one envelope ({@code ?envelope=}): the projects on it, chosen by ticking (approval,
 * knapsack), giving points (cumulative) or ranking (ordinal), with a running summary of what is spent or left
 * after each change. Casting it is final (the page says so before); a ballot the rule refuses says why and keeps
 * the choices.
 */
@Named
@ViewScoped
public class BallotPage implements Serializable {

    @Inject
    VotingService voting;

    @Inject
    BudgetService budget;

    @Inject
    BudgetLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long envelope;
    private EnvelopeHeading heading;
    private String whyNot;
    private BallotChoices ballot;

    public void load() {
        Optional<Envelope> found = envelope == null ? Optional.empty() : budget.findEnvelope(envelope);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Envelope e = found.get();
        PageAudience.about(e.getDistrict());
        heading = EnvelopeHeading.of(e, labels);
        whyNot = voting.whyNotVote(currentUser.actor(), e, Instant.now())
                .or(() -> voting.hasVoted(currentUser.actor(), envelope) ? Optional.of("budget.vote.already")
                        : Optional.empty())
                .orElse(null);
        ballot = new BallotChoices(e.getCall().getVotingRule(), e.getAmount().amount(), voting.ballot(envelope));
    }

    public String cast() {
        return FacesActions.run("ballot", () -> {
            voting.cast(currentUser.actor(), envelope, ballot.ballot(), Instant.now());
            FacesFeedback.done("budget.vote.cast");
            return "/budget/call?faces-redirect=true&id=" + heading.getCallId();
        });
    }


    public String getSummary() {
        return ballot.summary(language.getCurrent());
    }

    public BallotChoices getBallot() {
        return ballot;
    }

    public boolean isAllowed() {
        return whyNot == null;
    }

    public String getWhyNotText() {
        return whyNot == null ? null : Texts.format(language.getCurrent(), whyNot);
    }

    public EnvelopeHeading getHeading() {
        return heading;
    }

    public Long getEnvelope() {
        return envelope;
    }

    public void setEnvelope(Long envelope) {
        this.envelope = envelope;
    }
}
