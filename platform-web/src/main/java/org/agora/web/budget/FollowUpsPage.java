package org.agora.web.budget;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.followup.FollowUpService;
import org.agora.budget.followup.FollowUpStatus;
import org.agora.budget.followup.ProjectFollowUp;
import org.agora.shared.Actor;
import org.agora.shared.NotFoundException;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * The winning projects of a call with their status and progress ({@code ?call=3}), envelope by envelope, for anyone
 * once the results are public. An envelope's managers start its follow-up here. An unknown call is a 404.
 */
@Named
@ViewScoped
public class FollowUpsPage implements Serializable {

    public record ProjectRow(long id, String title, FollowUpStatus status, String statusLabel, int progress)
            implements Serializable {
    }

    /** An envelope: its name, whether its follow-up has started, whether this person may start it, its winners. */
    public record EnvelopeRow(long id, String name, boolean started, boolean manageable, List<ProjectRow> projects)
            implements Serializable {
    }

    @Inject
    BudgetService budget;

    @Inject
    FollowUpService followUps;

    @Inject
    FollowUpLabels labels;

    @Inject
    CurrentUser currentUser;

    private Long call;
    private long callId;
    private String heading;
    private boolean published;
    private List<EnvelopeRow> envelopes = List.of();

    /** View action: the call named in the address and, once its results are public, its followed winners. */
    public void load() {
        Optional<BudgetCall> named = Optional.ofNullable(call).flatMap(id -> {
            try {
                return Optional.of(budget.getCall(id));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
        if (named.isEmpty()) {
            Pages.notFound();
            return;
        }
        BudgetCall found = named.get();
        callId = found.getId();
        Instant now = Instant.now();
        heading = labels.text("budget.followups.title", found.getName());
        published = BudgetPermissions.canReadFollowUp(found, now);
        if (!published) {
            return;
        }
        Set<Long> started = followUps.startedEnvelopes(callId);
        Map<Long, List<ProjectRow>> winners = followUps.ofCall(callId, now).stream()
                .collect(Collectors.groupingBy(ProjectFollowUp::getEnvelopeId,
                        Collectors.mapping(this::row, Collectors.toList())));
        Actor actor = currentUser.actor();
        // the districts by name, the city-wide envelope last
        envelopes = found.getEnvelopes().stream()
                .sorted(Comparator.comparing(Envelope::isCityWide).thenComparing(labels::envelope))
                .map(e -> new EnvelopeRow(e.getId(), labels.envelope(e), started.contains(e.getId()),
                        BudgetPermissions.canFollowUp(actor, e, now), winners.getOrDefault(e.getId(), List.of())))
                .toList();
    }

    private ProjectRow row(ProjectFollowUp followUp) {
        return new ProjectRow(followUp.getProjectId(), followUp.getProject().getTitle(), followUp.getStatus(),
                labels.status(followUp.getStatus()), followUp.getProgress());
    }

    /** Starts following up the envelope's winners, taken from its final count. */
    public String start(long envelopeId) {
        return FacesActions.run("envelopes", () -> {
            int count = followUps.start(currentUser.actor(), envelopeId, Instant.now()).size();
            FacesFeedback.done("budget.followups.started", count);
            return "/budget/followups?faces-redirect=true&call=" + callId;
        });
    }

    public String getHeading() {
        return heading;
    }

    /** Whether the results, and so the follow-up, are public. */
    public boolean isPublished() {
        return published;
    }

    public List<EnvelopeRow> getEnvelopes() {
        return envelopes;
    }

    public Long getCall() {
        return call;
    }

    public void setCall(Long call) {
        this.call = call;
    }
}
