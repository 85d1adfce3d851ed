package org.agora.web.council;

import java.io.Serializable;

/** A news post as the pages show it: {@code body} is sanitized HTML. */
public record NewsRow(long id, String title, String body, String date, String isoDate, boolean membersOnly)
        implements Serializable {
}
