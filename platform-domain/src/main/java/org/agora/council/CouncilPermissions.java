package org.agora.council;

import java.time.Instant;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * Who may do what with the neighbourhood councils, in one place for pages, API and services: the office creates and
 * edits councils anywhere, a district agent those of the neighbourhoods of their districts; the council's animators
 * and that staff lead it (requests, members, meetings, minutes); residents join; members-only content (the member
 * list, members-only meetings and their minutes) is for members and leaders alone. The reasons are message keys.
 */
public final class CouncilPermissions {

    private CouncilPermissions() {
    }

    /** Creates councils for the neighbourhoods of the district and edits them. */
    public static boolean canRunCouncilsOf(Actor actor, DistrictCode district) {
        return actor.has(Role.OFFICE_ADMIN) || actor.servesDistrict(district);
    }

    /** Edits the council itself: name, presentation, cover, contact, approval, animators. */
    public static boolean canEdit(Actor actor, Council council) {
        return canRunCouncilsOf(actor, council.getDistrictCode());
    }

    /** Leads the council: answers requests, removes members, schedules meetings and publishes their minutes. */
    public static boolean canLead(Actor actor, Council council) {
        return canEdit(actor, council) || actor.isSignedIn() && council.isAnimatedBy(actor.username());
    }

    /** Sees what is for members only: the member list, members-only meetings and their minutes. */
    public static boolean canSeeMembersOnly(Actor actor, Council council, boolean member) {
        return actor.isSignedIn() && (member || canLead(actor, council));
    }

    /** Sees who registered for the council's meetings and who waits: its leaders. */
    public static boolean canSeeRegistrations(Actor actor, Council council) {
        return canLead(actor, council);
    }

    public static boolean canSeeMeeting(Actor actor, Meeting meeting, boolean member) {
        return !meeting.isMembersOnly() || canSeeMembersOnly(actor, meeting.getCouncil(), member);
    }

    /** Why the person may not join (or ask to join) the council, if they may not: residents join. */
    public static Optional<String> whyNotJoin(Actor actor) {
        if (!actor.isSignedIn()) {
            return Optional.of("council.join.signIn");
        }
        if (!actor.has(Role.RESIDENT)) {
            return Optional.of("council.join.residentsOnly");
        }
        return Optional.empty();
    }

    /**
     * Why the person may not register for the meeting now, if they may not: signed-in people register for a public
     * meeting, members (and leaders) for a members-only one, until it starts.
     */
    public static Optional<String> whyNotRegister(Actor actor, Meeting meeting, boolean member, Instant now) {
        if (!actor.isSignedIn()) {
            return Optional.of("council.registration.signIn");
        }
        if (!canSeeMeeting(actor, meeting, member)) {
            return Optional.of("council.membersOnly");
        }
        if (meeting.isCancelled()) {
            return Optional.of("council.meeting.cancelled");
        }
        if (meeting.hasStarted(now)) {
            return Optional.of("council.registration.started");
        }
        return Optional.empty();
    }
}
