package org.agora.council;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A meeting as one person finds it ({@link MeetingReading#visit}): the meeting, its seats taken and its waiting
 * list, the person's own registration (registered or waiting, and their place in the queue), why they may not
 * register (empty when they may), whether it has started, whether they lead the council, whether the minutes have a
 * PDF, and, for the leaders only, who comes and who waits, in order.
 */
public record MeetingVisit(Meeting meeting, long registered, long waiting, Optional<RegistrationStatus> myRegistration,
                           OptionalLong waitingPosition, Optional<String> whyNotRegister, boolean started,
                           boolean leader, boolean minutesPdf, List<Registration> attendees) {

    public MeetingVisit {
        attendees = List.copyOf(attendees);
    }
}
