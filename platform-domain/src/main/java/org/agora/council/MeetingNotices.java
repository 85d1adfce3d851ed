package org.agora.council;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.agora.notification.Notice;
import org.agora.notification.NotificationKind;

/**
 * What the councils' meetings tell people: the council's members when a meeting is announced, its members and
 * registered people when it changes or is cancelled (not the leader who did it), and the person a freed seat went to.
 */
final class MeetingNotices {

    private MeetingNotices() {
    }

    static List<Notice> announced(EntityManager em, Meeting meeting, String leader) {
        return tell(members(em, meeting), leader, meeting, "meeting.announced");
    }

    static List<Notice> changed(EntityManager em, Meeting meeting, String leader) {
        return tell(concerned(em, meeting), leader, meeting, "meeting.changed");
    }

    static List<Notice> cancelled(EntityManager em, Meeting meeting, String leader) {
        return tell(concerned(em, meeting), leader, meeting, "meeting.cancelled");
    }

    /** The council's members and everyone registered or waiting. */
    private static Set<String> concerned(EntityManager em, Meeting meeting) {
        Set<String> people = new LinkedHashSet<>(members(em, meeting));
        people.addAll(em.createQuery("select r.username from Registration r where r.meetingId = :m and r.status in :active",
                        String.class).setParameter("m", meeting.getId())
                .setParameter("active", List.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)).getResultList());
        return people;
    }

    static Notice seat(Meeting meeting, Registration promoted) {
        return notice(promoted.getUsername(), NotificationKind.MEETING_SEAT, meeting, "meeting.seat");
    }

    private static List<String> members(EntityManager em, Meeting meeting) {
        return em.createQuery("select m.username from Membership m where m.councilId = :c and m.status = :member", String.class)
                .setParameter("c", meeting.getCouncil().getId()).setParameter("member", MembershipStatus.MEMBER)
                .getResultList();
    }

    private static List<Notice> tell(Collection<String> people, String leader, Meeting meeting, String event) {
        return people.stream().distinct().filter(p -> !p.equals(leader))
                .map(p -> notice(p, NotificationKind.COUNCIL_MEETING, meeting, event)).toList();
    }

    private static Notice notice(String person, NotificationKind kind, Meeting meeting, String event) {
        return Notice.of(person, kind, event, "/councils/meeting.xhtml?id=" + meeting.getId(),
                meeting.getCouncil().getName(), meeting.getTitle(), meeting.getStartsAt());
    }
}
