package org.agora.council;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.agora.shared.ConflictException;
import org.agora.shared.InvalidInputException;
import org.agora.shared.RichText;

/**
 * A meeting of a council: a title, a start and a duration, a place (an address) or an online link (at least one),
 * an agenda, public or for members only, and an optional number of seats beyond which people go on a waiting
 * list. A new meeting cannot be in the past, and a meeting that has started can no longer change; its minutes
 * (a text, a PDF or both) and the number of people who came are published once it has started. Its leaders may cancel
 * it before it starts, with a reason shown to everyone; a cancelled meeting stays listed as such and changes no more.
 */
@Entity
@Table(name = "council_meetings")
public class Meeting {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PLACE = 300;
    public static final int MAX_LINK = 500;
    public static final int MAX_AGENDA = 20_000;
    public static final int MAX_MINUTES = 20_000;
    public static final int DEFAULT_DURATION = 120;
    public static final int MIN_DURATION = 15;
    public static final int MAX_DURATION = 1440;
    public static final int MAX_CAPACITY = 10_000;
    public static final int MAX_ATTENDANCE = 100_000;
    public static final int MAX_CANCEL_REASON = 1000;

    @Id
    @SequenceGenerator(name = "council_meeting_ids", sequenceName = "council_meeting_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_meeting_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "council_id")
    private Council council;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(length = MAX_PLACE)
    private String place;

    @Column(name = "online_link", length = MAX_LINK)
    private String onlineLink;

    @Column(nullable = false, length = MAX_AGENDA)
    private String agenda;

    @Column(name = "members_only", nullable = false)
    private boolean membersOnly;

    private Integer capacity;

    @Column(length = MAX_MINUTES)
    private String minutes;

    private Integer attendance;

    @Column(name = "minutes_published_at")
    private OffsetDateTime minutesPublishedAt;

    @Column(name = "minutes_published_by", length = 100)
    private String minutesPublishedBy;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by", length = 100)
    private String cancelledBy;

    @Column(name = "cancel_reason", length = MAX_CANCEL_REASON)
    private String cancelReason;

    @Version
    private int version;

    protected Meeting() {
        // for JPA
    }

    /** A new meeting of the council; refused when it would start before {@code now}. */
    Meeting(Council council, MeetingDraft draft, String createdBy, Instant now) {
        this.council = council;
        this.createdBy = createdBy;
        if (draft.startsAt() != null && draft.startsAt().isBefore(now)) {
            throw new InvalidInputException("startsAt", "council.meeting.inThePast");
        }
        change(draft, 0, now);
    }

    /**
     * Replaces what the form holds, before the meeting starts; {@code registered} people hold a seat, so the cap
     * cannot go below them. Everything is checked before anything changes.
     */
    void change(MeetingDraft draft, long registered, Instant now) {
        if (id != null && hasStarted(now)) {
            throw new InvalidInputException(null, "council.meeting.alreadyHeld");
        }
        requireNotCancelled();
        String checkedTitle = draft.title() == null ? "" : draft.title().strip().replaceAll("\\s+", " ");
        if (checkedTitle.isEmpty()) {
            throw new InvalidInputException("title", "validation.required");
        }
        if (checkedTitle.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "validation.tooLong", MAX_TITLE);
        }
        if (draft.startsAt() == null) {
            throw new InvalidInputException("startsAt", "validation.required");
        }
        if (id != null && !draft.startsAt().equals(getStartsAt()) && draft.startsAt().isBefore(now)) {
            throw new InvalidInputException("startsAt", "council.meeting.inThePast");
        }
        int duration = draft.durationMinutes() == null ? DEFAULT_DURATION : draft.durationMinutes();
        if (duration < MIN_DURATION || duration > MAX_DURATION) {
            throw new InvalidInputException("duration", "validation.range", MIN_DURATION, MAX_DURATION);
        }
        String checkedPlace = blankToNull(draft.place());
        if (checkedPlace != null && checkedPlace.length() > MAX_PLACE) {
            throw new InvalidInputException("place", "validation.tooLong", MAX_PLACE);
        }
        String checkedLink = link(draft.onlineLink());
        if (checkedPlace == null && checkedLink == null) {
            throw new InvalidInputException("place", "council.meeting.placeOrLinkRequired");
        }
        String checkedAgenda = RichText.sanitize(draft.agenda());
        if (checkedAgenda.length() > MAX_AGENDA) {
            throw new InvalidInputException("agenda", "validation.tooLong", MAX_AGENDA);
        }
        Integer checkedCapacity = draft.capacity();
        if (checkedCapacity != null && (checkedCapacity < 1 || checkedCapacity > MAX_CAPACITY)) {
            throw new InvalidInputException("capacity", "validation.range", 1, MAX_CAPACITY);
        }
        if (checkedCapacity != null && checkedCapacity < registered) {
            throw new InvalidInputException("capacity", "council.meeting.capacityBelowRegistered", registered);
        }
        title = checkedTitle;
        startsAt = draft.startsAt().atOffset(ZoneOffset.UTC);
        durationMinutes = duration;
        place = checkedPlace;
        onlineLink = checkedLink;
        agenda = checkedAgenda;
        membersOnly = draft.membersOnly();
        capacity = checkedCapacity;
    }

    private static String blankToNull(String text) {
        String stripped = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? null : stripped;
    }

    /** An absolute http or https address, as people paste it from their video-call tool. */
    private static String link(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_LINK) {
            throw new InvalidInputException("onlineLink", "validation.tooLong", MAX_LINK);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new InvalidInputException("onlineLink", "council.meeting.linkMalformed");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("onlineLink", "council.meeting.linkMalformed");
        }
    }

    /**
     * Publishes (or corrects) the minutes once the meeting has started: a text (rich text) and/or a PDF, and the
     * number of people who came.
     */
    void publishMinutes(String text, boolean withPdf, Integer count, String by, Instant now) {
        requireNotCancelled();
        if (!hasStarted(now)) {
            throw new InvalidInputException(null, "council.minutes.beforeMeeting");
        }
        String checkedText = RichText.sanitize(text);
        if (checkedText.length() > MAX_MINUTES) {
            throw new InvalidInputException("minutes", "validation.tooLong", MAX_MINUTES);
        }
        if (checkedText.isEmpty() && !withPdf) {
            throw new InvalidInputException("minutes", "council.minutes.empty");
        }
        if (count == null) {
            throw new InvalidInputException("attendance", "validation.required");
        }
        if (count < 0 || count > MAX_ATTENDANCE) {
            throw new InvalidInputException("attendance", "validation.range", 0, MAX_ATTENDANCE);
        }
        minutes = checkedText.isEmpty() ? null : checkedText;
        attendance = count;
        minutesPublishedAt = now.atOffset(ZoneOffset.UTC);
        minutesPublishedBy = by;
    }

    /** Cancels the meeting before it starts, with the reason everyone will read. */
    void cancel(String reason, String by, Instant now) {
        requireNotCancelled();
        if (hasStarted(now)) {
            throw new InvalidInputException(null, "council.meeting.alreadyHeld");
        }
        String checked = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (checked.isEmpty()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        if (checked.length() > MAX_CANCEL_REASON) {
            throw new InvalidInputException("reason", "validation.tooLong", MAX_CANCEL_REASON);
        }
        cancelReason = checked;
        cancelledBy = by;
        cancelledAt = now.atOffset(ZoneOffset.UTC);
    }

    private void requireNotCancelled() {
        if (isCancelled()) {
            throw new ConflictException(null, "council.meeting.cancelled");
        }
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Why its leaders cancelled it, when they did. */
    public Optional<String> getCancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    public Optional<Instant> getCancelledAt() {
        return Optional.ofNullable(cancelledAt).map(OffsetDateTime::toInstant);
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(getStartsAt());
    }

    /** Whether a seat is left for one more person, {@code registered} holding one already. */
    boolean hasSeatFor(long registered) {
        return capacity == null || registered < capacity;
    }

    public Long getId() {
        return id;
    }

    public Council getCouncil() {
        return council;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt.toInstant();
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public Instant getEndsAt() {
        return getStartsAt().plus(Duration.ofMinutes(durationMinutes));
    }

    public Optional<String> getPlace() {
        return Optional.ofNullable(place);
    }

    public Optional<String> getOnlineLink() {
        return Optional.ofNullable(onlineLink);
    }

    /** Sanitized HTML, safe to show as is; "" when there is none. */
    public String getAgenda() {
        return agenda;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    /** The number of seats; empty when there is no cap. */
    public Optional<Integer> getCapacity() {
        return Optional.ofNullable(capacity);
    }

    /** The minutes' text (sanitized HTML), when published with one. */
    public Optional<String> getMinutes() {
        return Optional.ofNullable(minutes);
    }

    /** How many people came; present once the minutes are published. */
    public Optional<Integer> getAttendance() {
        return Optional.ofNullable(attendance);
    }

    public boolean hasMinutes() {
        return minutesPublishedAt != null;
    }

    public Optional<Instant> getMinutesPublishedAt() {
        return Optional.ofNullable(minutesPublishedAt).map(OffsetDateTime::toInstant);
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
