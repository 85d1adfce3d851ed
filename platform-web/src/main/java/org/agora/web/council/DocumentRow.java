package org.agora.web.council;

import java.io.Serializable;

/** A council document as its list shows it: title, file name, format and size in words, date, for whom. */
public record DocumentRow(long id, String title, String fileName, String format, String size, String date,
                          String isoDate, boolean membersOnly) implements Serializable {
}
