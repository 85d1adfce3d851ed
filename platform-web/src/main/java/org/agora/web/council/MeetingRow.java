package org.agora.web.council;

import java.io.Serializable;

/**
 * A meeting as the lists show it: when (in the city's time), where, and whether it is for members, has minutes or was
 * cancelled.
 */
public record MeetingRow(long id, String title, String when, String isoWhen, String where, boolean membersOnly,
                         boolean hasMinutes, boolean cancelled, String councilName, long councilId) implements Serializable {
}
