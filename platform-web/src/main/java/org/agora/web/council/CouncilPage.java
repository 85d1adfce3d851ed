package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilPermissions;
import org.agora.council.MeetingService;
import org.agora.council.Membership;
import org.agora.council.MembershipStatus;
import org.agora.moderation.ModerationService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;

/**
 * A council's page ({@code ?id=}): its public part for anyone (presentation, contact, public meetings) and, for its
 * members and leaders, the members-only meetings and the link to the member list. Residents join, ask to join or
 * leave here. An unknown council is a 404.
 */
@Named
@ViewScoped
public class CouncilPage extends CouncilSpacePage {

    @Inject
    MeetingService meetings;

    @Inject
    CouncilLabels labels;

    @Inject
    ModerationService moderation;

    private boolean preModerated;
    private long rejected;
    private List<String> rejections = List.of();

    private String neighbourhood;
    private String districtName;
    private String presentation;
    private String contact;
    private Long coverImageId;
    private boolean approvalRequired;
    private long memberCount;
    private MembershipStatus status;
    private boolean membersOnlyVisible;
    private boolean leader;
    private boolean editor;
    private boolean mayJoin;
    private boolean signedIn;
    private List<MeetingRow> upcoming = List.of();
    private List<MeetingRow> past = List.of();

    /** View action: the council named in the address, or a 404. */
    public void load() {
        Optional<Council> found = council();
        if (found.isEmpty()) {
            return;
        }
        Council council = found.get();
        Instant now = Instant.now();
        var actor = currentUser.actor();
        neighbourhood = council.getNeighbourhood().getName();
        districtName = council.getNeighbourhood().getDistrict().getName();
        presentation = council.getPresentation();
        contact = council.getContact().orElse(null);
        coverImageId = council.getCoverImageId().orElse(null);
        approvalRequired = council.isApprovalRequired();
        preModerated = council.isPreModerated();
        var refused = moderation.rejections(council.getModerationSpace());
        rejected = refused.values().stream().mapToLong(Long::longValue).sum();
        rejections = refused.entrySet().stream().map(e -> e.getKey() + " : " + e.getValue()).toList();
        memberCount = councils.memberCount(getCouncilId());
        status = councils.membership(actor, getCouncilId()).map(Membership::getStatus).orElse(null);
        membersOnlyVisible = councils.seesMembersOnly(actor, council);
        leader = CouncilPermissions.canLead(actor, council);
        editor = CouncilPermissions.canEdit(actor, council);
        signedIn = actor.isSignedIn();
        mayJoin = CouncilPermissions.whyNotJoin(actor).isEmpty();
        upcoming = meetings.upcoming(actor, getCouncilId(), now).stream().map(labels::row).toList();
        past = meetings.past(actor, getCouncilId(), now).stream().map(labels::row).toList();
    }

    public String join() {
        return FacesActions.run("membership", () -> {
            Membership membership = councils.join(currentUser.actor(), getCouncilId(), currentUser.getDisplayName(),
                    Instant.now());
            FacesFeedback.done(membership.isMember() ? "council.joined" : "council.requested", getName());
            return thisPage();
        });
    }

    public String leave() {
        return FacesActions.run("membership", () -> {
            MembershipStatus before = status;
            councils.leave(currentUser.actor(), getCouncilId(), Instant.now());
            FacesFeedback.done(before == MembershipStatus.REQUESTED ? "council.requestWithdrawn" : "council.left", getName());
            return thisPage();
        });
    }

    private String thisPage() {
        return "/councils/view?faces-redirect=true&id=" + getCouncilId();
    }

    // --- for the page ---

    public String getStatusLabel() {
        return status == null ? null : labels.membership(status);
    }

    public boolean isMember() {
        return status == MembershipStatus.MEMBER;
    }

    public boolean isRequested() {
        return status == MembershipStatus.REQUESTED;
    }

    /** Whether the join (or ask) button shows: a resident who is neither a member nor asking. */
    public boolean isJoinable() {
        return mayJoin && (status == null || !status.isActive());
    }

    /** Whether joining will be a request: the council needs approval, or an animator removed this person. */
    public boolean isJoinIsRequest() {
        return approvalRequired || status == MembershipStatus.REMOVED;
    }

    public String getNeighbourhood() {
        return neighbourhood;
    }

    public String getDistrictName() {
        return districtName;
    }

    public String getPresentation() {
        return presentation;
    }

    public String getContact() {
        return contact;
    }

    public Long getCoverImageId() {
        return coverImageId;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public long getMemberCount() {
        return memberCount;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public boolean isMembersOnlyVisible() {
        return membersOnlyVisible;
    }

    public boolean isLeader() {
        return leader;
    }

    public boolean isEditor() {
        return editor;
    }

    public boolean isSignedIn() {
        return signedIn;
    }

    public List<MeetingRow> getUpcoming() {
        return upcoming;
    }

    public List<MeetingRow> getPast() {
        return past;
    }

    /** Whether members' new ideas and comments wait for a moderator's approval. */
    public boolean isPreModerated() {
        return preModerated;
    }

    /** How many contributions moderators refused in this council. */
    public long getRejected() {
        return rejected;
    }

    /** Each public reason of a refusal with its count, as plain text. */
    public List<String> getRejections() {
        return rejections;
    }
}
