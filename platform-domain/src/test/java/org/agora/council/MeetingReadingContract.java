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
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.agora.shared.Actor;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a meeting as its page does, against a real database: seats, the person's registration and place in the
 * queue, whether they may register, what the leaders alone see; a members-only meeting refused to others. Run on H2
 * and PostgreSQL by the subclasses.
 */
abstract class MeetingReadingContract extends DatabaseTest {

    private static final Instant DURING = NEXT_WEEK.plus(Duration.ofMinutes(30));
    private static final Instant AFTER = NEXT_WEEK.plus(Duration.ofHours(3));

    private long council;

    @BeforeEach
    void aCouncilOfLesAubiers() {
        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        council = councils(c -> c.create(AGENT_OF_NORD, aubiers, Councils.draft(false), NOW)).getId();
    }

    private <T> T reading(Function<MeetingReading, T> work) {
        return db().inTransaction(em -> work.apply(new MeetingReading(Services.on(em).meetings(), Services.on(em).councils())));
    }

    private <T> T councils(Function<CouncilService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).councils()));
    }

    private <T> T meetings(Function<MeetingService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).meetings()));
    }

    private long meeting(boolean membersOnly, Integer capacity) {
        return meetings(m -> m.schedule(ANIMATOR, council, Councils.meeting(membersOnly, capacity), NOW)).getId();
    }

    private MeetingVisit visit(Actor who, long meeting, Instant now) {
        return reading(r -> r.visit(who, meeting, now));
    }

    private static void refused(ThrowingCallable action, Class<? extends DomainException> type, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(type, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aVisitTellsTheSeatsThePersonsRegistrationAndWhetherTheyMayRegister() {
        long meeting = meeting(false, 1);
        meetings(m -> m.register(RESIDENT, meeting, "Camille", NOW));
        meetings(m -> m.register(OTHER_RESIDENT, meeting, "Lucas", NOW.plusSeconds(1)));

        MeetingVisit visitor = visit(ANONYMOUS, meeting, NOW);
        assertThat(visitor.meeting().getId()).isEqualTo(meeting);
        assertThat(visitor.registered()).isEqualTo(1);
        assertThat(visitor.waiting()).isEqualTo(1);
        assertThat(visitor.myRegistration()).isEmpty();
        assertThat(visitor.waitingPosition()).isEmpty();
        assertThat(visitor.whyNotRegister()).contains("council.registration.signIn");
        assertThat(visitor.started()).isFalse();
        assertThat(visitor.leader()).isFalse();
        assertThat(visitor.minutesPdf()).isFalse();
        assertThat(visitor.attendees()).isEmpty();

        MeetingVisit seated = visit(RESIDENT, meeting, NOW);
        assertThat(seated.myRegistration()).contains(RegistrationStatus.REGISTERED);
        assertThat(seated.waitingPosition()).isEmpty();
        MeetingVisit waiting = visit(OTHER_RESIDENT, meeting, NOW);
        assertThat(waiting.myRegistration()).contains(RegistrationStatus.WAITING);
        assertThat(waiting.waitingPosition()).isEqualTo(OptionalLong.of(1));
        assertThat(waiting.whyNotRegister()).isEmpty();

        meetings(m -> m.cancel(OTHER_RESIDENT, meeting, NOW.plusSeconds(2)));
        MeetingVisit cancelled = visit(OTHER_RESIDENT, meeting, NOW);
        assertThat(cancelled.myRegistration()).as("a cancelled registration is none").isEmpty();
        assertThat(cancelled.waiting()).isZero();

        MeetingVisit started = visit(RESIDENT, meeting, DURING);
        assertThat(started.started()).isTrue();
        assertThat(started.whyNotRegister()).contains("council.registration.started");
    }

    @Test
    void onlyTheLeadersSeeWhoComesAndWhoWaits() {
        long meeting = meeting(false, 1);
        meetings(m -> m.register(RESIDENT, meeting, "Camille", NOW));
        meetings(m -> m.register(OTHER_RESIDENT, meeting, "Lucas", NOW.plusSeconds(1)));

        for (Actor leader : List.of(ANIMATOR, AGENT_OF_NORD, OFFICE)) {
            MeetingVisit visit = visit(leader, meeting, NOW);
            assertThat(visit.leader()).isTrue();
            assertThat(visit.attendees()).extracting(Registration::getDisplayName).containsExactly("Camille", "Lucas");
            assertThat(visit.attendees()).extracting(Registration::getStatus)
                    .containsExactly(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING);
        }
        for (Actor other : List.of(RESIDENT, OTHER_RESIDENT, AGENT_OF_SUD, ANONYMOUS)) {
            MeetingVisit visit = visit(other, meeting, NOW);
            assertThat(visit.leader()).isFalse();
            assertThat(visit.attendees()).isEmpty();
        }
    }

    @Test
    void aMembersOnlyMeetingIsRefusedToOthersAndAnUnknownOneIsNotFound() {
        long meeting = meeting(true, null);
        councils(c -> c.join(RESIDENT, council, "Camille", NOW));

        for (Actor other : List.of(OTHER_RESIDENT, AGENT_OF_SUD, ANONYMOUS)) {
            refused(() -> visit(other, meeting, NOW), NotAllowedException.class, "council.membersOnly");
        }
        MeetingVisit member = visit(RESIDENT, meeting, NOW);
        assertThat(member.whyNotRegister()).isEmpty();
        assertThat(member.leader()).isFalse();
        assertThat(visit(ANIMATOR, meeting, NOW).leader()).isTrue();
        refused(() -> visit(RESIDENT, meeting + 1000, NOW), NotFoundException.class, "council.meeting.notFound");
    }

    @Test
    void aVisitTellsWhetherTheMinutesHaveAPdf() {
        long meeting = meeting(false, null);
        meetings(m -> m.publishMinutes(ANIMATOR, meeting, "<p>Compte rendu</p>", "cr.pdf",
                MinutesAndCalendarTest.pdf(), 23, AFTER));

        MeetingVisit held = visit(ANONYMOUS, meeting, AFTER);
        assertThat(held.minutesPdf()).isTrue();
        assertThat(held.meeting().getMinutes()).contains("<p>Compte rendu</p>");
        assertThat(held.meeting().getAttendance()).contains(23);
    }
}
