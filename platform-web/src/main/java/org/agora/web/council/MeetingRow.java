package org.agora.web.council;

import java.io.Serializable;

/** A meeting as the lists show it: when (in the city's time), where, and whether it is for members or has minutes. */
public record MeetingRow(long id, String title, String when, String isoWhen, String where, boolean membersOnly,
                         boolean hasMinutes, String councilName, long councilId) implements Serializable {
}
