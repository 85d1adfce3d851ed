package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.agora.council.CouncilService;
import org.agora.council.Meeting;
import org.agora.council.MeetingService;
import org.agora.council.Membership;
import org.agora.council.Registration;
import org.agora.web.security.CurrentUser;

/**
 * "My councils" ({@code /councils/member/mine.xhtml}): the councils the person belongs to or asked to join, those they lead,
 * and their meetings ahead (of their councils, or that they registered for) with their registration.
 */
@Named
@RequestScoped
public class MyCouncilsPage {

    /** A council of mine: its name and where I stand. */
    public record MyCouncil(long id, String name, String neighbourhood, String status) {
    }

    /** A meeting ahead and my registration for it ({@code null}: not registered). */
    public record MyMeeting(MeetingRow meeting, String registration) {
    }

    @Inject
    CouncilService councils;

    @Inject
    MeetingService meetings;

    @Inject
    CouncilLabels labels;

    @Inject
    CurrentUser currentUser;

    private List<MyCouncil> mine;
    private List<MyCouncil> led;
    private List<MyMeeting> upcoming;

    public List<MyCouncil> getCouncils() {
        if (mine == null) {
            mine = councils.memberships(currentUser.actor()).stream().map(this::mine).toList();
        }
        return mine;
    }

    private MyCouncil mine(Membership membership) {
        var council = councils.get(membership.getCouncilId());
        return new MyCouncil(council.getId(), council.getName(), council.getNeighbourhood().getName(),
                labels.membership(membership.getStatus()));
    }

    public List<MyCouncil> getLed() {
        if (led == null) {
            led = councils.led(currentUser.actor()).stream()
                    .map(c -> new MyCouncil(c.getId(), c.getName(), c.getNeighbourhood().getName(), null)).toList();
        }
        return led;
    }

    public List<MyMeeting> getUpcoming() {
        if (upcoming == null) {
            var actor = currentUser.actor();
            upcoming = meetings.myUpcoming(actor, Instant.now()).stream().map(m -> mine(actor, m)).toList();
        }
        return upcoming;
    }

    private MyMeeting mine(org.agora.shared.Actor actor, Meeting meeting) {
        String registration = meetings.registration(actor, meeting.getId()).filter(Registration::isActive)
                .map(r -> labels.registration(r.getStatus())).orElse(null);
        return new MyMeeting(labels.row(meeting), registration);
    }
}
