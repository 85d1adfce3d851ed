package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.project.ProjectPermissions;
import org.agora.budget.project.ProjectService;
import org.agora.budget.vote.VotingService;
import org.agora.moderation.ModerationService;
import org.agora.shared.Actor;
import org.agora.shared.NotFoundException;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * One call for anyone ({@code ?id=}): its phases and dates, how residents vote and how winners are chosen (public
 * before the vote), and its envelopes with what the visitor may do in each now: submit, vote, read the results,
 * review (staff).
 */
@Named
@RequestScoped
public class BudgetCallPage {

    @Inject
    BudgetService budget;

    @Inject
    ProjectService projects;

    @Inject
    VotingService voting;

    @Inject
    CurrentUser currentUser;

    @Inject
    BudgetLabels labels;

    @Inject
    ModerationService moderation;

    private Long id;
    private BudgetCall call;
    private List<EnvelopeView> envelopes;
    private List<Map.Entry<String, Long>> rejections;

    public void load() {
        try {
            call = budget.getCall(id == null ? -1 : id);
        } catch (NotFoundException e) {
            Pages.notFound();
            return;
        }
        Instant now = Instant.now();
        Actor actor = currentUser.actor();
        Map<Long, Long> counts = projects.countsByEnvelope(call.getId());
        envelopes = call.getEnvelopes().stream()
                .sorted(Comparator.comparing(Envelope::isCityWide).reversed().thenComparing(labels::envelope))
                .map(e -> new EnvelopeView(e, labels.envelope(e), counts.getOrDefault(e.getId(), 0L),
                        ProjectPermissions.whyNotSubmit(actor, e, now).isEmpty(),
                        voting.whyNotVote(actor, e, now).isEmpty() && !voting.hasVoted(actor, e.getId()),
                        voting.hasVoted(actor, e.getId()),
                        BudgetPermissions.canSeeResults(actor, e, now),
                        BudgetPermissions.canManageEnvelope(actor, e.getDistrict())))
                .toList();
    }

    /** The contributions moderators refused in this call, by public reason (public figures, also without pre-moderation). */
    public List<Map.Entry<String, Long>> getRejections() {
        if (rejections == null && call != null) {
            rejections = List.copyOf(moderation.rejections(call.getModerationSpace()).entrySet());
        }
        return rejections;
    }

    public long getRejected() {
        return getRejections() == null ? 0 : getRejections().stream().mapToLong(Map.Entry::getValue).sum();
    }

    public BudgetCall getCall() {
        return call;
    }

    public List<EnvelopeView> getEnvelopes() {
        return envelopes;
    }

    public boolean isOffice() {
        return BudgetPermissions.canManageCalls(currentUser.actor());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
