package org.agora.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agora.notification.Notifications;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Use cases of the councils' meetings, one transaction each: leaders schedule and change meetings and publish their
 * minutes; people register and cancel, the first of the waiting list taking a freed seat; everyone reads what they
 * may see ({@link CouncilPermissions}: a members-only meeting is refused to others, as if it were not there).
 * Registering and cancelling lock the meeting's row first, so seats are counted one registration at a time, on any
 * number of instances.
 */
@ApplicationScoped
@Transactional
public class MeetingService {

    private static final Duration LONGEST = Duration.ofMinutes(Meeting.MAX_DURATION);

    private EntityManager em;
    private CouncilService councils;
    private Notifications notifications;

    protected MeetingService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public MeetingService(EntityManager em, CouncilService councils, Notifications notifications) {
        this.em = em;
        this.councils = councils;
        this.notifications = notifications;
    }

    // --- leaders ---

    /** Schedules a meeting of the council; refused in the past, without place nor link, or for a non-leader. */
    public Meeting schedule(Actor leader, long councilId, MeetingDraft draft, Instant now) {
        Council council = councils.get(councilId);
        requireLeader(leader, council);
        Meeting meeting = new Meeting(council, draft, leader.username(), now);
        em.persist(meeting);
        em.flush();
        notifications.tellAll(MeetingNotices.announced(em, meeting, leader.username()), now);
        return meeting;
    }

    /** Changes a meeting before it starts; a larger cap gives its new seats to the waiting list, in order. */
    public Meeting update(Actor leader, long meetingId, MeetingDraft draft, Instant now) {
        Meeting meeting = locked(meetingId);
        requireLeader(leader, meeting.getCouncil());
        meeting.change(draft, count(meetingId, RegistrationStatus.REGISTERED), now);
        promote(meeting, now);
        Constraints.flush(em, () -> new ConflictException(null, "council.meeting.changedMeanwhile"));
        notifications.tellAll(MeetingNotices.changed(em, meeting, leader.username()), now);
        return meeting;
    }

    /**
     * Cancels a meeting before it starts, with a public reason: its members and everyone registered or waiting are
     * told; nobody registers any more. The registrations stay, so the list of who had planned to come is kept.
     */
    public Meeting cancelMeeting(Actor leader, long meetingId, String reason, Instant now) {
        Meeting meeting = locked(meetingId);
        requireLeader(leader, meeting.getCouncil());
        meeting.cancel(reason, leader.username(), now);
        Constraints.flush(em, () -> new ConflictException(null, "council.meeting.changedMeanwhile"));
        notifications.tellAll(MeetingNotices.cancelled(em, meeting, leader.username()), now);
        return meeting;
    }

    /**
     * Publishes (or corrects) the minutes of a meeting that has started, with the number of people who came: a text,
     * a PDF ({@code pdf} checked by its content and size; {@code null} keeps the one already published), or both.
     * A refused text, count or file stores nothing.
     */
    public Meeting publishMinutes(Actor leader, long meetingId, String text, String pdfName, byte[] pdf,
                                  Integer attendance, Instant now) {
        Meeting meeting = getAny(meetingId);
        requireLeader(leader, meeting.getCouncil());
        MinutesFile file = pdf == null ? null : MinutesFile.read(pdfName, pdf);
        MinutesPdf stored = em.find(MinutesPdf.class, meetingId);
        meeting.publishMinutes(text, file != null || stored != null, attendance, leader.username(), now);
        if (file != null && stored != null) {
            stored.replace(file, leader.username(), now);
        } else if (file != null) {
            em.persist(new MinutesPdf(meetingId, file, leader.username(), now));
        }
        Constraints.flush(em, () -> new ConflictException(null, "council.meeting.changedMeanwhile"));
        return meeting;
    }

    /** Who comes, then who waits, in order; for the council's leaders. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Registration> registrations(Actor leader, long meetingId) {
        Meeting meeting = getAny(meetingId);
        if (!CouncilPermissions.canSeeRegistrations(leader, meeting.getCouncil())) {
            throw new NotAllowedException("council.notLeader");
        }
        return em.createQuery("select r from Registration r where r.meetingId = :m and r.status <> :c"
                        + " order by r.status, r.registeredAt, r.id", Registration.class)
                .setParameter("m", meetingId).setParameter("c", RegistrationStatus.CANCELLED).getResultList();
    }

    private static void requireLeader(Actor actor, Council council) {
        if (!CouncilPermissions.canLead(actor, council)) {
            throw new NotAllowedException("council.notLeader");
        }
    }

    // --- registration ---

    /**
     * Registers the person: a seat while some are left, otherwise the end of the waiting list. The meeting's row is
     * locked while the seats are counted; a second registration of the same person is refused.
     */
    public Registration register(Actor actor, long meetingId, String displayName, Instant now) {
        Meeting meeting = locked(meetingId);
        boolean member = councils.isMember(actor, meeting.getCouncil().getId());
        CouncilPermissions.whyNotRegister(actor, meeting, member, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        Optional<Registration> existing = registration(actor, meetingId);
        if (existing.filter(Registration::isActive).isPresent()) {
            throw new ConflictException(null, "council.registration.already");
        }
        RegistrationStatus status = meeting.hasSeatFor(count(meetingId, RegistrationStatus.REGISTERED))
                ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITING;
        Registration registration;
        if (existing.isPresent()) {
            registration = existing.get();
            registration.again(displayName, status, now);
        } else {
            registration = new Registration(meetingId, actor.username(), displayName, status, now);
            em.persist(registration);
        }
        Constraints.flush(em, () -> new ConflictException(null, "council.registration.already"));
        return registration;
    }

    /** Cancels the person's registration before the meeting; a freed seat goes to the first who waits. */
    public Registration cancel(Actor actor, long meetingId, Instant now) {
        Meeting meeting = locked(meetingId);
        Registration registration = registration(actor, meetingId).filter(Registration::isActive)
                .orElseThrow(() -> new ConflictException(null, "council.registration.none"));
        if (meeting.hasStarted(now)) {
            throw new InvalidInputException(null, "council.registration.started");
        }
        registration.cancel(now);
        em.flush();
        promote(meeting, now);
        em.flush();
        return registration;
    }

    /** Gives the free seats to the waiting list, first come first served; each promoted person is told. */
    private void promote(Meeting meeting, Instant now) {
        long registered = count(meeting.getId(), RegistrationStatus.REGISTERED);
        List<Registration> waiting = em.createQuery("select r from Registration r where r.meetingId = :m"
                        + " and r.status = :w order by r.registeredAt, r.id", Registration.class)
                .setParameter("m", meeting.getId()).setParameter("w", RegistrationStatus.WAITING).getResultList();
        for (Registration next : waiting) {
            if (!meeting.hasSeatFor(registered)) {
                break;
            }
            next.promote(now);
            notifications.tell(MeetingNotices.seat(meeting, next), now);
            registered++;
        }
    }

    private Meeting locked(long meetingId) {
        return Optional.ofNullable(em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("council.meeting.notFound", meetingId));
    }

    private long count(long meetingId, RegistrationStatus status) {
        return em.createQuery("select count(r) from Registration r where r.meetingId = :m and r.status = :s", Long.class)
                .setParameter("m", meetingId).setParameter("s", status).getSingleResult();
    }

    /** The person's registration for the meeting, whatever its status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Registration> registration(Actor actor, long meetingId) {
        if (!actor.isSignedIn()) {
            return Optional.empty();
        }
        return em.createQuery("select r from Registration r where r.meetingId = :m and r.username = :u",
                        Registration.class)
                .setParameter("m", meetingId).setParameter("u", actor.username()).getResultStream().findFirst();
    }

    /** The person's place on the waiting list (1 is the next to get a seat); empty when they do not wait. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong waitingPosition(Actor actor, long meetingId) {
        Optional<Registration> mine = registration(actor, meetingId)
                .filter(r -> r.getStatus() == RegistrationStatus.WAITING);
        if (mine.isEmpty()) {
            return OptionalLong.empty();
        }
        Registration r = mine.get();
        long before = em.createQuery("select count(o) from Registration o where o.meetingId = :m and o.status = :w"
                        + " and (o.registeredAt < :t or (o.registeredAt = :t and o.id < :id))", Long.class)
                .setParameter("m", meetingId).setParameter("w", RegistrationStatus.WAITING)
                .setParameter("t", r.getRegisteredAt().atOffset(java.time.ZoneOffset.UTC)).setParameter("id", r.getId())
                .getSingleResult();
        return OptionalLong.of(before + 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long registeredCount(long meetingId) {
        return count(meetingId, RegistrationStatus.REGISTERED);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long waitingCount(long meetingId) {
        return count(meetingId, RegistrationStatus.WAITING);
    }

    // --- reading ---

    /** The meeting, if it exists and this person may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Meeting> find(Actor actor, long meetingId) {
        return Optional.ofNullable(em.find(Meeting.class, meetingId)).filter(m -> visible(actor, m));
    }

    /** The meeting; a members-only one is refused to others ({@code council.membersOnly}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Meeting get(Actor actor, long meetingId) {
        Meeting meeting = getAny(meetingId);
        if (!visible(actor, meeting)) {
            throw new NotAllowedException("council.membersOnly");
        }
        return meeting;
    }

    private Meeting getAny(long meetingId) {
        return Optional.ofNullable(em.find(Meeting.class, meetingId))
                .orElseThrow(() -> new NotFoundException("council.meeting.notFound", meetingId));
    }

    private boolean visible(Actor actor, Meeting meeting) {
        return !meeting.isMembersOnly() || councils.seesMembersOnly(actor, meeting.getCouncil());
    }

    /** The council's meetings that have not ended, soonest first, that this person may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Meeting> upcoming(Actor actor, long councilId, Instant now) {
        return visibleOf(actor, councilId).filter(m -> m.getEndsAt().isAfter(now)).toList();
    }

    /** The council's meetings that have ended, latest first, that this person may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Meeting> past(Actor actor, long councilId, Instant now) {
        return visibleOf(actor, councilId).filter(m -> !m.getEndsAt().isAfter(now))
                .sorted(Comparator.comparing(Meeting::getStartsAt).reversed()).toList();
    }

    private Stream<Meeting> visibleOf(Actor actor, long councilId) {
        Council council = councils.get(councilId);
        boolean all = councils.seesMembersOnly(actor, council);
        return em.createQuery("select m from Meeting m where m.council.id = :c order by m.startsAt, m.id", Meeting.class)
                .setParameter("c", councilId).getResultStream().filter(m -> all || !m.isMembersOnly());
    }

    /** The next public meeting of each council that has one, by council id: the directory shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Meeting> nextPublicMeetings(Instant now) {
        Map<Long, Meeting> next = new LinkedHashMap<>();
        em.createQuery("select m from Meeting m where m.membersOnly = false and m.startsAt >= :from"
                        + " order by m.startsAt, m.id", Meeting.class)
                .setParameter("from", now.minus(LONGEST).atOffset(java.time.ZoneOffset.UTC)).getResultStream()
                .filter(m -> m.getEndsAt().isAfter(now) && !m.isCancelled())
                .forEach(m -> next.putIfAbsent(m.getCouncil().getId(), m));
        return next;
    }

    /**
     * The meetings ahead for this person, soonest first: those of the councils they are a member of that they may
     * see, and those they registered for (or wait for).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Meeting> myUpcoming(Actor actor, Instant now) {
        if (!actor.isSignedIn()) {
            return List.of();
        }
        Set<Long> memberOf = councils.memberships(actor).stream().filter(Membership::isMember)
                .map(Membership::getCouncilId).collect(Collectors.toSet());
        Set<Long> registeredFor = em.createQuery("select r.meetingId from Registration r where r.username = :u"
                        + " and r.status <> :c", Long.class)
                .setParameter("u", actor.username()).setParameter("c", RegistrationStatus.CANCELLED).getResultStream()
                .collect(Collectors.toSet());
        return em.createQuery("select m from Meeting m where m.startsAt >= :from order by m.startsAt, m.id", Meeting.class)
                .setParameter("from", now.minus(LONGEST).atOffset(java.time.ZoneOffset.UTC)).getResultStream()
                .filter(m -> m.getEndsAt().isAfter(now))
                .filter(m -> memberOf.contains(m.getCouncil().getId()) || registeredFor.contains(m.getId()))
                .filter(m -> visible(actor, m))
                .toList();
    }

    /** The PDF of the minutes, for those who may see the meeting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MinutesPdf> minutesPdf(Actor actor, long meetingId) {
        get(actor, meetingId);
        return Optional.ofNullable(em.find(MinutesPdf.class, meetingId));
    }

    /** Whether the meeting's minutes have a PDF (without loading it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasMinutesPdf(long meetingId) {
        return em.createQuery("select count(p) from MinutesPdf p where p.meetingId = :m", Long.class)
                .setParameter("m", meetingId).getSingleResult() > 0;
    }

    /** The meeting as an iCalendar file, for those who may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String calendar(Actor actor, long meetingId, String host, String pageUrl, Instant now) {
        return MeetingCalendar.ics(get(actor, meetingId), host, pageUrl, now);
    }
}
