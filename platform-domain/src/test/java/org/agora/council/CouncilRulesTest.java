package org.agora.council;

import static org.agora.council.Councils.NEXT_WEEK;
import static org.agora.council.Councils.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.agora.shared.ConflictException;
import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules of councils, memberships and meetings, without a database. */
class CouncilRulesTest {

    private static void refused(ThrowingCallable action, String field, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field().orElse(null)).isEqualTo(field);
        });
    }

    private static void conflict(ThrowingCallable action, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aCouncilKeepsSafeHtmlTrimmedFieldsAndSortedAnimators() {
        Council council = Councils.council(false);
        council.change(new CouncilDraft("  Conseil   des Aubiers ", "<p onclick='x()'>Bonjour</p><script>y()</script>",
                "  ", true, List.of(" zoé ", "", "agent", "agent")));

        assertThat(council.getName()).isEqualTo("Conseil des Aubiers");
        assertThat(council.getPresentation()).isEqualTo("<p>Bonjour</p>");
        assertThat(council.getContact()).isEmpty();
        assertThat(council.isApprovalRequired()).isTrue();
        assertThat(council.getAnimators()).containsExactly("agent", "zoé");
        assertThat(council.isAnimatedBy("zoé")).isTrue();
        assertThat(council.isAnimatedBy(null)).isFalse();
    }

    @Test
    void aCouncilWithoutNameOrWithAMalformedAnimatorIsRefusedAndUnchanged() {
        Council council = Councils.council(false);
        refused(() -> council.change(new CouncilDraft(" ", "", null, false, List.of())), "name", "validation.required");
        refused(() -> council.change(new CouncilDraft("Autre", "", null, true, List.of("a b"))), "animators",
                "council.animators.malformed");
        refused(() -> council.change(new CouncilDraft("Autre", "", "x".repeat(301), true, List.of())), "contact",
                "validation.tooLong");

        assertThat(council.getName()).isEqualTo("Conseil de quartier des Aubiers");
        assertThat(council.isApprovalRequired()).isFalse();
        assertThat(council.getAnimators()).containsExactly("animator");
    }

    @Test
    void joiningAnOpenCouncilMakesAMemberAndOneThatNeedsApprovalARequest() {
        Membership open = Membership.join(Councils.council(false), "resident", "Camille Martin", NOW);
        Membership closed = Membership.join(Councils.council(true), "resident", "Camille Martin", NOW);

        assertThat(open.getStatus()).isEqualTo(MembershipStatus.MEMBER);
        assertThat(closed.getStatus()).isEqualTo(MembershipStatus.REQUESTED);
        assertThat(open.getDisplayName()).isEqualTo("Camille Martin");
    }

    @Test
    void aRequestIsApprovedOrRefusedOnceAndAMemberLeavesOrIsRemoved() {
        Council council = Councils.council(true);
        Membership asked = Membership.join(council, "resident", "Camille", NOW);
        asked.approve("animator", NOW);
        assertThat(asked.getStatus()).isEqualTo(MembershipStatus.MEMBER);
        conflict(() -> asked.approve("animator", NOW), "council.membership.notRequested");
        conflict(() -> asked.refuse("animator", NOW), "council.membership.notRequested");
        conflict(() -> asked.rejoin(council, "Camille", NOW), "council.membership.alreadyMember");

        asked.leave(NOW);
        assertThat(asked.getStatus()).isEqualTo(MembershipStatus.LEFT);
        conflict(() -> asked.leave(NOW), "council.membership.notMember");
        conflict(() -> asked.remove("animator", NOW), "council.membership.notMember");

        Membership refused = Membership.join(council, "other", "Lucas", NOW);
        conflict(() -> refused.rejoin(council, "Lucas", NOW), "council.membership.alreadyRequested");
        refused.refuse("animator", NOW);
        assertThat(refused.getStatus()).isEqualTo(MembershipStatus.REFUSED);
        refused.rejoin(council, "Lucas", NOW.plusSeconds(60));
        assertThat(refused.getStatus()).isEqualTo(MembershipStatus.REQUESTED);
        assertThat(refused.getAskedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aRemovedMemberComesBackOnlyThroughARequestEvenInAnOpenCouncil() {
        Council open = Councils.council(false);
        Membership member = Membership.join(open, "resident", "Camille", NOW);
        member.remove("animator", NOW);
        assertThat(member.getStatus()).isEqualTo(MembershipStatus.REMOVED);

        member.rejoin(open, "Camille", NOW);
        assertThat(member.getStatus()).isEqualTo(MembershipStatus.REQUESTED);

        Membership left = Membership.join(open, "other", "Lucas", NOW);
        left.leave(NOW);
        left.rejoin(open, "Lucas", NOW);
        assertThat(left.getStatus()).isEqualTo(MembershipStatus.MEMBER);
    }

    @Test
    void membersAreNeverShownByAnEmailAddress() {
        assertThat(Membership.displayName("camille@example.org", "resident")).isEqualTo("resident");
        assertThat(Membership.displayName(" ", "camille@example.org")).isEqualTo("camille");
        assertThat(Membership.displayName("  Camille   Martin ", "resident")).isEqualTo("Camille Martin");
        assertThat(Membership.displayName(null, "resident")).isEqualTo("resident");
    }

    @Test
    void aNewMeetingInThePastIsRefused() {
        Council council = Councils.council(false);
        MeetingDraft yesterday = new MeetingDraft("Réunion", NOW.minus(Duration.ofDays(1)), 60, "Mairie", null, "",
                false, null);
        refused(() -> new Meeting(council, yesterday, "agent", NOW), "startsAt", "council.meeting.inThePast");
    }

    @Test
    void aMeetingNeedsAPlaceOrAnOnlineLinkAndAWellFormedLink() {
        Council council = Councils.council(false);
        refused(() -> new Meeting(council, new MeetingDraft("Réunion", NEXT_WEEK, 60, "  ", " ", "", false, null),
                "agent", NOW), "place", "council.meeting.placeOrLinkRequired");
        refused(() -> new Meeting(council, new MeetingDraft("Réunion", NEXT_WEEK, 60, null, "javascript:alert(1)", "",
                false, null), "agent", NOW), "onlineLink", "council.meeting.linkMalformed");
        refused(() -> new Meeting(council, new MeetingDraft("Réunion", NEXT_WEEK, 60, null, "visio.example/x", "",
                false, null), "agent", NOW), "onlineLink", "council.meeting.linkMalformed");
        refused(() -> new Meeting(council, new MeetingDraft(" ", NEXT_WEEK, 60, "Mairie", null, "", false, null),
                "agent", NOW), "title", "validation.required");
        refused(() -> new Meeting(council, new MeetingDraft("Réunion", null, 60, "Mairie", null, "", false, null),
                "agent", NOW), "startsAt", "validation.required");
        refused(() -> new Meeting(council, new MeetingDraft("Réunion", NEXT_WEEK, 5, "Mairie", null, "", false, null),
                "agent", NOW), "duration", "validation.range");
        refused(() -> new Meeting(council, new MeetingDraft("Réunion", NEXT_WEEK, 60, "Mairie", null, "", false, 0),
                "agent", NOW), "capacity", "validation.range");

        Meeting online = new Meeting(council, new MeetingDraft("Réunion", NEXT_WEEK, null, null,
                " https://visio.example/aubiers ", "<p>Ordre <b>du</b> jour</p>", true, null), "agent", NOW);
        assertThat(online.getOnlineLink()).contains("https://visio.example/aubiers");
        assertThat(online.getPlace()).isEmpty();
        assertThat(online.getDurationMinutes()).isEqualTo(Meeting.DEFAULT_DURATION);
        assertThat(online.getEndsAt()).isEqualTo(NEXT_WEEK.plus(Duration.ofHours(2)));
    }

    @Test
    void theCapCountsSeatsAndCannotGoBelowThoseRegistered() {
        Meeting capped = new Meeting(Councils.council(false), Councils.meeting(false, 2), "agent", NOW);
        assertThat(capped.hasSeatFor(0)).isTrue();
        assertThat(capped.hasSeatFor(1)).isTrue();
        assertThat(capped.hasSeatFor(2)).isFalse();
        refused(() -> capped.change(Councils.meeting(false, 1), 2, NOW), "capacity",
                "council.meeting.capacityBelowRegistered");
        assertThat(capped.getCapacity()).contains(2);

        Meeting open = new Meeting(Councils.council(false), Councils.meeting(false, null), "agent", NOW);
        assertThat(open.hasSeatFor(10_000)).isTrue();
    }

    @Test
    void minutesComeOnceTheMeetingHasStartedWithTextOrPdfAndAnAttendance() {
        Meeting meeting = new Meeting(Councils.council(false), Councils.meeting(false, null), "agent", NOW);
        refused(() -> meeting.publishMinutes("<p>Compte rendu</p>", false, 12, "agent", NOW), null,
                "council.minutes.beforeMeeting");
        java.time.Instant after = NEXT_WEEK.plus(Duration.ofHours(3));
        refused(() -> meeting.publishMinutes("<p><br></p>", false, 12, "agent", after), "minutes",
                "council.minutes.empty");
        refused(() -> meeting.publishMinutes("<p>Compte rendu</p>", false, null, "agent", after), "attendance",
                "validation.required");
        refused(() -> meeting.publishMinutes("<p>Compte rendu</p>", false, -1, "agent", after), "attendance",
                "validation.range");
        assertThat(meeting.hasMinutes()).isFalse();

        meeting.publishMinutes(null, true, 0, "agent", after);
        assertThat(meeting.hasMinutes()).isTrue();
        assertThat(meeting.getMinutes()).isEmpty();
        assertThat(meeting.getAttendance()).contains(0);
        meeting.publishMinutes("<p>Compte rendu <script>x</script></p>", false, 23, "agent", after);
        assertThat(meeting.getMinutes()).contains("<p>Compte rendu </p>");
        assertThat(meeting.getAttendance()).contains(23);
    }
}
