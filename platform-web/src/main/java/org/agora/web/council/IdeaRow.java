package org.agora.web.council;

import java.io.Serializable;

/**
 * An idea as the board shows it: {@code text} and {@code answer} are plain text; {@code maySupport} whether the
 * reader may support it (or take their support back).
 */
public record IdeaRow(long id, String title, String text, String author, String date, String isoDate, long supports,
                      boolean supportedByMe, boolean maySupport, boolean open, String answer, String closedDate)
        implements Serializable {
}
