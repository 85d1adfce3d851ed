package org.agora.council;

import static org.agora.council.Councils.AGENT_OF_NORD;
import static org.agora.council.Councils.AGENT_OF_SUD;
import static org.agora.council.Councils.ANIMATOR;
import static org.agora.council.Councils.ANONYMOUS;
import static org.agora.council.Councils.NEXT_WEEK;
import static org.agora.council.Councils.NOW;
import static org.agora.council.Councils.OFFICE;
import static org.agora.council.Councils.OTHER_RESIDENT;
import static org.agora.council.Councils.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.agora.media.TestImages;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DomainException;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Demo;
import org.agora.testing.Services;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Councils, memberships and meetings against a real database; run on H2 and PostgreSQL by the subclasses: who
 * creates and leads, membership states, members-only content hidden, bad inputs refused with nothing half-stored,
 * seats and the waiting list (also under concurrent registrations), minutes with their PDF.
 */
abstract class CouncilPersistenceContract extends DatabaseTest {

    private static final Instant AFTER_MEETING = NEXT_WEEK.plus(Duration.ofHours(3));

    private long aubiers;
    private long gare;
    private long saintRoch;

    @BeforeEach
    void neighbourhoods() {
        aubiers = neighbourhood("Les Aubiers");
        gare = neighbourhood("La Gare");
        saintRoch = neighbourhood("Saint-Roch");
    }

    private long neighbourhood(String name) {
        return db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n", Long.class)
                .setParameter("n", name).getSingleResult());
    }

    private <T> T councils(Function<CouncilService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).councils()));
    }

    private <T> T meetings(Function<MeetingService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).meetings()));
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private long council(boolean approvalRequired) {
        return councils(c -> c.create(AGENT_OF_NORD, aubiers, Councils.draft(approvalRequired), NOW)).getId();
    }

    private long meeting(long council, boolean membersOnly, Integer capacity) {
        return meetings(m -> m.schedule(ANIMATOR, council, Councils.meeting(membersOnly, capacity), NOW)).getId();
    }

    private static void refused(ThrowingCallable action, Class<? extends DomainException> type, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(type, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static void invalid(ThrowingCallable action, String field, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field().orElse(null)).isEqualTo(field);
        });
    }

    @Test
    void staffCreateTheCouncilsOfTheirDistrictsOnlyOnePerNeighbourhood() {
        long id = council(false);
        Council read = councils(c -> c.get(id));
        assertThat(read.getName()).isEqualTo("Conseil de quartier des Aubiers");
        assertThat(read.getPresentation()).isEqualTo("<p>Bienvenue </p>");
        assertThat(read.getAnimators()).containsExactly("animator");
        assertThat(read.getNeighbourhood().getName()).isEqualTo("Les Aubiers");

        refused(() -> councils(c -> c.create(OFFICE, aubiers, Councils.draft(true), NOW)), ConflictException.class,
                "council.duplicate");
        refused(() -> councils(c -> c.create(AGENT_OF_SUD, gare, Councils.draft(true), NOW)), NotAllowedException.class,
                "council.notAllowed");
        refused(() -> councils(c -> c.create(ANIMATOR, gare, Councils.draft(true), NOW)), NotAllowedException.class,
                "council.notAllowed");
        invalid(() -> councils(c -> c.create(OFFICE, gare, new CouncilDraft("", "", null, false, List.of()), NOW)),
                "name", "validation.required");
        councils(c -> c.create(AGENT_OF_SUD, saintRoch, Councils.draft(true), NOW));
        councils(c -> c.update(AGENT_OF_NORD, id, new CouncilDraft("Aubiers", "<p>Nouveau</p>", null, true,
                List.of("resident"))));
        refused(() -> councils(c -> c.update(ANIMATOR, id, Councils.draft(false))), NotAllowedException.class,
                "council.notAllowed");

        List<Council> directory = councils(CouncilService::directory);
        assertThat(directory).extracting(Council::getName).containsExactly("Aubiers", "Conseil de quartier des Aubiers");
        assertThat(directory.get(1).getDistrictCode().value()).isEqualTo("sud");
        assertThat(count("select count(*) from councils")).isEqualTo(2);
        var read1 = councils(c -> c.get(id)).getAnimators();
        assertThat(read1).containsExactly("resident");
    }

    @Test
    void aCoverThatIsNotAnImageIsRefusedAndNothingStored() {
        long id = council(false);
        assertThatThrownBy(() -> councils(c -> c.changeCover(AGENT_OF_NORD, id, "cover.png", TestImages.pdf())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("select count(*) from images")).isZero();
        councils(c -> c.changeCover(AGENT_OF_NORD, id, "cover.png", TestImages.png(40, 30)));
        var read2 = councils(c -> c.get(id)).getCoverImageId();
        assertThat(read2).isPresent();
    }

    @Test
    void membershipsMoveThroughTheirStatesAndAnimatorsAnswerRequests() {
        long id = council(true);
        Membership asked = councils(c -> c.join(RESIDENT, id, "Camille Martin", NOW));
        assertThat(asked.getStatus()).isEqualTo(MembershipStatus.REQUESTED);
        refused(() -> councils(c -> c.join(RESIDENT, id, "Camille Martin", NOW)), ConflictException.class,
                "council.membership.alreadyRequested");
        councils(c -> c.join(OTHER_RESIDENT, id, "Lucas Bernard", NOW));
        refused(() -> councils(c -> c.join(AGENT_OF_NORD, id, "Nadia", NOW)), NotAllowedException.class,
                "council.join.residentsOnly");
        refused(() -> councils(c -> c.join(ANONYMOUS, id, null, NOW)), NotAllowedException.class, "council.join.signIn");

        List<Membership> requests = councils(c -> c.requests(ANIMATOR, id));
        assertThat(requests).extracting(Membership::getUsername).containsExactly("resident", "resident.sud");
        refused(() -> councils(c -> c.requests(RESIDENT, id)), NotAllowedException.class, "council.notLeader");
        refused(() -> councils(c -> c.approve(OTHER_RESIDENT, id, "resident", NOW)), NotAllowedException.class,
                "council.notLeader");

        councils(c -> c.approve(ANIMATOR, id, "resident", NOW));
        councils(c -> c.refuse(AGENT_OF_NORD, id, "resident.sud", NOW));
        var read3 = councils(c -> c.isMember(RESIDENT, id));
        assertThat(read3).isTrue();
        var read4 = councils(c -> c.membership(OTHER_RESIDENT, id)).orElseThrow().getStatus();
        assertThat(read4)
                .isEqualTo(MembershipStatus.REFUSED);
        var read5 = councils(c -> c.memberships(RESIDENT));
        assertThat(read5).extracting(Membership::getCouncilId).containsExactly(id);

        councils(c -> c.remove(ANIMATOR, id, "resident", NOW));
        var read6 = councils(c -> c.isMember(RESIDENT, id));
        assertThat(read6).isFalse();
        councils(c -> c.join(RESIDENT, id, "Camille", NOW));
        councils(c -> c.approve(ANIMATOR, id, "resident", NOW));
        councils(c -> c.leave(RESIDENT, id, NOW));
        var read7 = councils(c -> c.membership(RESIDENT, id)).orElseThrow().getStatus();
        assertThat(read7).isEqualTo(MembershipStatus.LEFT);
        assertThat(count("select count(*) from council_memberships")).isEqualTo(2);
    }

    @Test
    void theMemberListIsForMembersAndLeadersOnlyAndShowsNoEmail() {
        long id = council(false);
        councils(c -> c.join(RESIDENT, id, "Camille Martin", NOW));
        councils(c -> c.join(Councils.resident("zoe", "nord"), id, "zoe@example.org", NOW));

        List<Membership> seenByMember = councils(c -> c.members(RESIDENT, id));
        assertThat(seenByMember).extracting(Membership::getDisplayName).containsExactly("Camille Martin", "zoe");
        var read8 = councils(c -> c.members(ANIMATOR, id));
        assertThat(read8).hasSize(2);
        var read9 = councils(c -> c.members(AGENT_OF_NORD, id));
        assertThat(read9).hasSize(2);
        refused(() -> councils(c -> c.members(OTHER_RESIDENT, id)), NotAllowedException.class, "council.membersOnly");
        refused(() -> councils(c -> c.members(ANONYMOUS, id)), NotAllowedException.class, "council.membersOnly");
        refused(() -> councils(c -> c.members(AGENT_OF_SUD, id)), NotAllowedException.class, "council.membersOnly");
        var read10 = councils(c -> c.memberCount(id));
        assertThat(read10).isEqualTo(2);
    }

    @Test
    void aMeetingInThePastOrWithoutPlaceNorLinkIsRefusedAndNothingStored() {
        long id = council(false);
        invalid(() -> meetings(m -> m.schedule(ANIMATOR, id, new MeetingDraft("Réunion", NOW.minusSeconds(60), 60,
                "Mairie", null, "", false, null), NOW)), "startsAt", "council.meeting.inThePast");
        invalid(() -> meetings(m -> m.schedule(ANIMATOR, id, new MeetingDraft("Réunion", NEXT_WEEK, 60, " ", "", "",
                false, null), NOW)), "place", "council.meeting.placeOrLinkRequired");
        refused(() -> meetings(m -> m.schedule(RESIDENT, id, Councils.meeting(false, null), NOW)),
                NotAllowedException.class, "council.notLeader");
        assertThat(count("select count(*) from council_meetings")).isZero();

        long meeting = meeting(id, false, 10);
        invalid(() -> meetings(m -> m.update(ANIMATOR, meeting, new MeetingDraft("Réunion", NEXT_WEEK, 60, null, null,
                "", false, 10), NOW)), "place", "council.meeting.placeOrLinkRequired");
        var read11 = meetings(m -> m.get(ANONYMOUS, meeting)).getPlace();
        assertThat(read11).contains("Maison de quartier, 12 rue des Lilas");
    }

    @Test
    void membersOnlyMeetingsAreHiddenFromOthersEverywhere() {
        long id = council(false);
        long open = meeting(id, false, null);
        long closed = meeting(id, true, null);
        councils(c -> c.join(RESIDENT, id, "Camille", NOW));

        var read12 = meetings(m -> m.upcoming(RESIDENT, id, NOW));

        assertThat(read12).extracting(Meeting::getId).containsExactly(open, closed);
        var read13 = meetings(m -> m.upcoming(AGENT_OF_NORD, id, NOW));
        assertThat(read13).hasSize(2);
        var read14 = meetings(m -> m.upcoming(OTHER_RESIDENT, id, NOW));
        assertThat(read14).extracting(Meeting::getId).containsExactly(open);
        var read15 = meetings(m -> m.upcoming(ANONYMOUS, id, NOW));
        assertThat(read15).extracting(Meeting::getId).containsExactly(open);
        var read16 = meetings(m -> m.find(OTHER_RESIDENT, closed));
        assertThat(read16).isEmpty();
        refused(() -> meetings(m -> m.get(ANONYMOUS, closed)), NotAllowedException.class, "council.membersOnly");
        refused(() -> meetings(m -> m.calendar(OTHER_RESIDENT, closed, "h", null, NOW)), NotAllowedException.class,
                "council.membersOnly");
        refused(() -> meetings(m -> m.minutesPdf(OTHER_RESIDENT, closed)), NotAllowedException.class,
                "council.membersOnly");
        refused(() -> meetings(m -> m.register(OTHER_RESIDENT, closed, "Lucas", NOW)), NotAllowedException.class,
                "council.membersOnly");
        var read17 = meetings(m -> m.nextPublicMeetings(NOW));
        assertThat(read17).containsOnlyKeys(id);
        var read18 = meetings(m -> m.nextPublicMeetings(NOW)).get(id).getId();
        assertThat(read18).isEqualTo(open);

        var read19 = meetings(m -> m.past(RESIDENT, id, AFTER_MEETING));

        assertThat(read19).hasSize(2);
        var read20 = meetings(m -> m.past(ANONYMOUS, id, AFTER_MEETING));
        assertThat(read20).extracting(Meeting::getId).containsExactly(open);
        var read21 = meetings(m -> m.upcoming(RESIDENT, id, AFTER_MEETING));
        assertThat(read21).isEmpty();
    }

    @Test
    void seatsGoInOrderThenTheWaitingListWhichMovesUpWhenSomeoneCancels() {
        long id = council(false);
        long meeting = meeting(id, false, 2);
        Actor a = Councils.resident("a", "nord");
        Actor b = Councils.resident("b", "nord");
        Actor c = Councils.resident("c", "nord");
        Actor d = Councils.resident("d", "nord");
        var read22 = meetings(m -> m.register(a, meeting, "A", NOW)).getStatus();
        assertThat(read22).isEqualTo(RegistrationStatus.REGISTERED);
        var read23 = meetings(m -> m.register(b, meeting, "B", NOW.plusSeconds(1))).getStatus();
        assertThat(read23)
                .isEqualTo(RegistrationStatus.REGISTERED);
        var read24 = meetings(m -> m.register(c, meeting, "C", NOW.plusSeconds(2))).getStatus();
        assertThat(read24)
                .isEqualTo(RegistrationStatus.WAITING);
        var read25 = meetings(m -> m.register(d, meeting, "D", NOW.plusSeconds(3))).getStatus();
        assertThat(read25)
                .isEqualTo(RegistrationStatus.WAITING);
        refused(() -> meetings(m -> m.register(a, meeting, "A", NOW)), ConflictException.class,
                "council.registration.already");
        refused(() -> meetings(m -> m.register(ANONYMOUS, meeting, null, NOW)), NotAllowedException.class,
                "council.registration.signIn");
        var read26 = meetings(m -> m.waitingPosition(c, meeting));
        assertThat(read26).isEqualTo(OptionalLong.of(1));
        var read27 = meetings(m -> m.waitingPosition(d, meeting));
        assertThat(read27).isEqualTo(OptionalLong.of(2));
        var read28 = meetings(m -> m.waitingPosition(a, meeting));
        assertThat(read28).isEmpty();

        meetings(m -> m.cancel(a, meeting, NOW.plusSeconds(10)));
        var read29 = meetings(m -> m.registration(c, meeting)).orElseThrow().getStatus();
        assertThat(read29)
                .isEqualTo(RegistrationStatus.REGISTERED);
        var read30 = meetings(m -> m.waitingPosition(d, meeting));
        assertThat(read30).isEqualTo(OptionalLong.of(1));
        // cancelling a place on the waiting list frees no seat
        meetings(m -> m.register(a, meeting, "A", NOW.plusSeconds(11)));
        meetings(m -> m.cancel(d, meeting, NOW.plusSeconds(12)));
        var read31 = meetings(m -> m.registeredCount(meeting));
        assertThat(read31).isEqualTo(2);
        var read32 = meetings(m -> m.waitingPosition(a, meeting));
        assertThat(read32).isEqualTo(OptionalLong.of(1));
        refused(() -> meetings(m -> m.cancel(d, meeting, NOW)), ConflictException.class, "council.registration.none");

        // more seats go to those who wait
        meetings(m -> m.update(ANIMATOR, meeting, Councils.meeting(false, 3), NOW));
        var read33 = meetings(m -> m.registration(a, meeting)).orElseThrow().getStatus();
        assertThat(read33)
                .isEqualTo(RegistrationStatus.REGISTERED);
        invalid(() -> meetings(m -> m.update(ANIMATOR, meeting, Councils.meeting(false, 2), NOW)), "capacity",
                "council.meeting.capacityBelowRegistered");
        var read34 = meetings(m -> m.registrations(ANIMATOR, meeting));
        assertThat(read34).extracting(Registration::getDisplayName)
                .containsExactly("B", "C", "A");
        refused(() -> meetings(m -> m.registrations(RESIDENT, meeting)), NotAllowedException.class, "council.notLeader");
        refused(() -> meetings(m -> m.register(d, meeting, "D", NEXT_WEEK)), NotAllowedException.class,
                "council.registration.started");
    }

    @Test
    void membersAreToldOfAnnouncedAndChangedMeetingsAndTheWaitingOfAFreedSeat() {
        long id = council(false);
        councils(c -> c.join(RESIDENT, id, "Camille Martin", NOW));
        long meeting = meeting(id, false, 1);
        Actor a = Councils.resident("a", "nord");
        Actor b = Councils.resident("b", "nord");
        meetings(m -> m.register(a, meeting, "A", NOW));
        meetings(m -> m.register(b, meeting, "B", NOW.plusSeconds(1)));
        meetings(m -> m.cancel(a, meeting, NOW.plusSeconds(2)));
        meetings(m -> m.update(ANIMATOR, meeting, Councils.meeting(false, 2), NOW.plusSeconds(3)));

        List<String> told = db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.event)"
                        + " from Notification n order by n.createdAt, n.recipient", String.class)
                .getResultList());
        assertThat(told).containsExactly("resident meeting.announced", "b meeting.seat",
                "b meeting.changed", "resident meeting.changed");
        // the seat is about the person's own place: by e-mail too; a meeting of the council is in the app only
        List<String> mailed = db().inTransaction(em -> em.createQuery("select concat(m.recipient, ' ', m.event)"
                + " from Mail m", String.class).getResultList());
        assertThat(mailed).containsExactly("b meeting.seat");
        var notice = db().inTransaction(em -> Services.on(em).notificationCentre().list(RESIDENT, 0, 10)).get(1);
        assertThat(notice.getLink()).contains("/councils/meeting.xhtml?id=" + meeting);
        assertThat(notice.getArguments()).hasSize(3).element(2).isInstanceOf(Instant.class);
    }

    @Test
    void aCancelledMeetingTellsItsPeopleWhyAndTakesNoMoreRegistrationNorChange() {
        long id = council(false);
        councils(c -> c.join(RESIDENT, id, "Camille Martin", NOW));
        long meeting = meeting(id, false, 1);
        Actor a = Councils.resident("a", "nord");
        Actor b = Councils.resident("b", "nord");
        meetings(m -> m.register(a, meeting, "A", NOW));
        meetings(m -> m.register(b, meeting, "B", NOW.plusSeconds(1)));

        refused(() -> meetings(m -> m.cancelMeeting(RESIDENT, meeting, "Salle indisponible", NOW)),
                NotAllowedException.class, "council.notLeader");
        refused(() -> meetings(m -> m.cancelMeeting(AGENT_OF_SUD, meeting, "Salle indisponible", NOW)),
                NotAllowedException.class, "council.notLeader");
        invalid(() -> meetings(m -> m.cancelMeeting(ANIMATOR, meeting, "  ", NOW)), "reason", "validation.required");
        invalid(() -> meetings(m -> m.cancelMeeting(ANIMATOR, meeting, "x", AFTER_MEETING)), null,
                "council.meeting.alreadyHeld");

        Meeting cancelled = meetings(m -> m.cancelMeeting(ANIMATOR, meeting, " Salle  indisponible ", NOW.plusSeconds(2)));
        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelled.getCancelReason()).contains("Salle indisponible");

        // the member, the registered person and the one who waits are told; the leader who did it is not
        List<String> told = db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.event)"
                        + " from Notification n where n.event = 'meeting.cancelled' order by n.recipient", String.class)
                .getResultList());
        assertThat(told).containsExactly("a meeting.cancelled", "b meeting.cancelled", "resident meeting.cancelled");

        refused(() -> meetings(m -> m.register(OTHER_RESIDENT, meeting, "O", NOW.plusSeconds(3))),
                NotAllowedException.class, "council.meeting.cancelled");
        refused(() -> meetings(m -> m.update(ANIMATOR, meeting, Councils.meeting(false, 5), NOW.plusSeconds(3))),
                ConflictException.class, "council.meeting.cancelled");
        refused(() -> meetings(m -> m.cancelMeeting(ANIMATOR, meeting, "Encore", NOW.plusSeconds(3))),
                ConflictException.class, "council.meeting.cancelled");
        refused(() -> meetings(m -> m.publishMinutes(ANIMATOR, meeting, "<p>Rien</p>", null, null, 0, AFTER_MEETING)),
                ConflictException.class, "council.meeting.cancelled");
        // a cancelled meeting is no council's next meeting, and its calendar file says it is cancelled
        assertThat(this.<java.util.Map<Long, Meeting>>meetings(m -> m.nextPublicMeetings(NOW))).doesNotContainKey(id);
        assertThat(this.<String>meetings(m -> m.calendar(RESIDENT, meeting, "agora.test", null, NOW)))
                .contains("STATUS:CANCELLED");
    }

    @Test
    void concurrentRegistrationsNeverExceedTheCap() throws Exception {
        long id = council(false);
        long meeting = meeting(id, false, 3);
        int people = 8;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RegistrationStatus>> outcomes = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Actor person = Councils.resident("p" + i, "nord");
                Callable<RegistrationStatus> registering = () -> {
                    start.await();
                    return meetings(m -> m.register(person, meeting, null, NOW)).getStatus();
                };
                outcomes.add(pool.submit(registering));
            }
            start.countDown();
            List<RegistrationStatus> statuses = new ArrayList<>();
            for (Future<RegistrationStatus> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            assertThat(statuses).filteredOn(s -> s == RegistrationStatus.REGISTERED).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == RegistrationStatus.WAITING).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from meeting_registrations where status = 'REGISTERED'")).isEqualTo(3);
    }

    @Test
    void minutesComeAfterTheMeetingAndARefusedPdfStoresNothing() {
        long id = council(false);
        long meeting = meeting(id, false, null);
        invalid(() -> meetings(m -> m.publishMinutes(ANIMATOR, meeting, "<p>CR</p>", null, null, 12, NOW)), null,
                "council.minutes.beforeMeeting");
        invalid(() -> meetings(m -> m.publishMinutes(ANIMATOR, meeting, "<p>CR</p>", "cr.pdf", TestImages.png(10, 10),
                12, AFTER_MEETING)), MinutesFile.FIELD, "council.minutes.notPdf");
        byte[] huge = java.util.Arrays.copyOf(MinutesAndCalendarTest.pdf(), MinutesFile.MAX_BYTES + 1);
        invalid(() -> meetings(m -> m.publishMinutes(ANIMATOR, meeting, "<p>CR</p>", "cr.pdf", huge, 12,
                AFTER_MEETING)), MinutesFile.FIELD, "council.minutes.pdfTooLarge");
        // a valid PDF with a refused count stores neither
        invalid(() -> meetings(m -> m.publishMinutes(ANIMATOR, meeting, "<p>CR</p>", "cr.pdf",
                MinutesAndCalendarTest.pdf(), -3, AFTER_MEETING)), "attendance", "validation.range");
        refused(() -> meetings(m -> m.publishMinutes(RESIDENT, meeting, "<p>CR</p>", null, null, 12, AFTER_MEETING)),
                NotAllowedException.class, "council.notLeader");
        assertThat(count("select count(*) from meeting_minutes_files")).isZero();
        var read35 = meetings(m -> m.get(ANONYMOUS, meeting)).hasMinutes();
        assertThat(read35).isFalse();

        meetings(m -> m.publishMinutes(AGENT_OF_NORD, meeting, "<p>Compte rendu</p>", "cr.pdf",
                MinutesAndCalendarTest.pdf(), 23, AFTER_MEETING));
        Meeting held = meetings(m -> m.get(ANONYMOUS, meeting));
        assertThat(held.getMinutes()).contains("<p>Compte rendu</p>");
        assertThat(held.getAttendance()).contains(23);
        var read36 = meetings(m -> m.hasMinutesPdf(meeting));
        assertThat(read36).isTrue();
        MinutesPdf pdf = meetings(m -> m.minutesPdf(ANONYMOUS, meeting)).orElseThrow();
        assertThat(pdf.getBytes()).isEqualTo(MinutesAndCalendarTest.pdf());
        assertThat(pdf.getFileName()).isEqualTo("cr.pdf");

        // corrected without a new file: the PDF stays
        meetings(m -> m.publishMinutes(ANIMATOR, meeting, "", null, null, 25, AFTER_MEETING));
        var read37 = meetings(m -> m.get(ANONYMOUS, meeting)).getAttendance();
        assertThat(read37).contains(25);
        var read38 = meetings(m -> m.get(ANONYMOUS, meeting)).getMinutes();
        assertThat(read38).isEmpty();
        assertThat(count("select count(*) from meeting_minutes_files")).isEqualTo(1);
        invalid(() -> meetings(m -> m.update(ANIMATOR, meeting, Councils.meeting(false, null), AFTER_MEETING)), null,
                "council.meeting.alreadyHeld");
    }

    @Test
    void myUpcomingMeetingsAreThoseOfMyCouncilsAndThoseIRegisteredFor() {
        long id = council(false);
        long mine = meeting(id, true, null);
        long other = councils(c -> c.create(OFFICE, saintRoch, Councils.draft(false), NOW)).getId();
        long elsewhere = meeting(other, false, null);
        meetings(m -> m.schedule(OFFICE, other, Councils.meeting(false, null), NOW));
        councils(c -> c.join(RESIDENT, id, "Camille", NOW));
        meetings(m -> m.register(RESIDENT, elsewhere, "Camille", NOW));

        var read39 = meetings(m -> m.myUpcoming(RESIDENT, NOW));

        assertThat(read39).extracting(Meeting::getId)
                .containsExactlyInAnyOrder(mine, elsewhere);
        var read40 = meetings(m -> m.myUpcoming(RESIDENT, AFTER_MEETING));
        assertThat(read40).isEmpty();
        var read41 = meetings(m -> m.myUpcoming(ANONYMOUS, NOW));
        assertThat(read41).isEmpty();
        String ics = meetings(m -> m.calendar(RESIDENT, mine, "agora.example", null, NOW));
        assertThat(ics).contains("UID:council-meeting-" + mine + "@agora.example");
    }

    @Test
    void theDemoCouncilsLoadOnce() {
        var read42 = db().inTransaction(em -> Demo.councils(em).seedIfEmpty(NOW));
        assertThat(read42).isTrue();
        var read43 = db().inTransaction(em -> Demo.councils(em).seedIfEmpty(NOW));
        assertThat(read43).isFalse();
        var read44 = councils(CouncilService::directory);
        assertThat(read44).hasSize(2);
        var read45 = meetings(m -> m.nextPublicMeetings(NOW));
        assertThat(read45).hasSize(2);
    }
}
