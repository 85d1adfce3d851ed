package org.agora.council;

import java.time.Instant;

/**
 * What animators type in a meeting's form: its title, when it starts (an instant; pages read it in the city's
 * time) and how long it lasts, where (an address, an online link, or both), its agenda (rich text), whether only
 * members see it, and the number of seats ({@code null}: no cap).
 */
public record MeetingDraft(String title, Instant startsAt, Integer durationMinutes, String place, String onlineLink,
                           String agenda, boolean membersOnly, Integer capacity) {
}
