package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilPermissions;
import org.agora.council.MeetingService;
import org.agora.council.Membership;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;

/**
 * The leaders' page of a council ({@code /councils/member/manage.xhtml?id=}): requests to approve or refuse, members to
 * remove, meetings to change or give minutes to. A 403 for anyone who does not lead the council.
 */
@Named
@ViewScoped
public class ManageCouncilPage extends CouncilSpacePage {

    /** A person as the leaders see them: the display name, and the username the actions name. */
    public record PersonRow(String username, String displayName, String since) implements Serializable {
    }

    @Inject
    MeetingService meetings;

    @Inject
    CouncilLabels labels;

    private boolean editor;
    private List<PersonRow> requests = List.of();
    private List<PersonRow> members = List.of();
    private List<MeetingRow> upcoming = List.of();
    private List<MeetingRow> past = List.of();

    public void load() {
        Optional<Council> found = council(CouncilPermissions::canLead);
        if (found.isEmpty()) {
            return;
        }
        Council council = found.get();
        var actor = currentUser.actor();
        Instant now = Instant.now();
        editor = CouncilPermissions.canEdit(actor, council);
        requests = councils.requests(actor, getCouncilId()).stream().map(this::person).toList();
        members = councils.members(actor, getCouncilId()).stream().map(this::person).toList();
        upcoming = meetings.upcoming(actor, getCouncilId(), now).stream().map(labels::row).toList();
        past = meetings.past(actor, getCouncilId(), now).stream().map(labels::row).toList();
    }

    private PersonRow person(Membership membership) {
        return new PersonRow(membership.getUsername(), membership.getDisplayName(),
                labels.dateTime(membership.getAskedAt()));
    }

    public String approve(PersonRow person) {
        return act(() -> councils.approve(currentUser.actor(), getCouncilId(), person.username(), Instant.now()),
                "council.manage.approved", person.displayName());
    }

    public String refuse(PersonRow person) {
        return act(() -> councils.refuse(currentUser.actor(), getCouncilId(), person.username(), Instant.now()),
                "council.manage.refused", person.displayName());
    }

    public String remove(PersonRow person) {
        return act(() -> councils.remove(currentUser.actor(), getCouncilId(), person.username(), Instant.now()),
                "council.manage.removed", person.displayName());
    }

    private String act(Runnable action, String doneKey, String who) {
        return FacesActions.run("people", () -> {
            action.run();
            FacesFeedback.done(doneKey, who);
            return "/councils/member/manage?faces-redirect=true&id=" + getCouncilId();
        });
    }

    public boolean isEditor() {
        return editor;
    }

    public List<PersonRow> getRequests() {
        return requests;
    }

    public List<PersonRow> getMembers() {
        return members;
    }

    public List<MeetingRow> getUpcoming() {
        return upcoming;
    }

    public List<MeetingRow> getPast() {
        return past;
    }
}
