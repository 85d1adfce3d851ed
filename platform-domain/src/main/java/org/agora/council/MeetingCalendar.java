package org.agora.council;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.agora.shared.RichText;

/**
 * A meeting as an iCalendar file (RFC 5545) that people add to their calendar: one {@code VEVENT} with times in
 * UTC (so no time-zone definition is needed), the place or the online link as its location, the agenda as plain
 * text. Text values are escaped (backslash, semicolon, comma, line breaks) and lines longer than 75 octets are
 * folded without cutting a UTF-8 character in two; lines end with CRLF.
 */
public final class MeetingCalendar {

    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int LINE_OCTETS = 75;

    private MeetingCalendar() {
    }

    /**
     * The calendar file of the meeting; {@code host} makes its UID unique worldwide, {@code pageUrl} (may be null)
     * is the address of the meeting's page.
     */
    public static String ics(Meeting meeting, String host, String pageUrl, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Agora//Neighbourhood councils//FR");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:council-meeting-" + meeting.getId() + "@" + host);
        line(out, "DTSTAMP:" + UTC.format(now.truncatedTo(ChronoUnit.SECONDS)));
        line(out, "DTSTART:" + UTC.format(meeting.getStartsAt()));
        line(out, "DTEND:" + UTC.format(meeting.getEndsAt()));
        line(out, "SUMMARY:" + text(meeting.getTitle() + " – " + meeting.getCouncil().getName()));
        String location = meeting.getPlace().orElseGet(() -> meeting.getOnlineLink().orElse(""));
        line(out, "LOCATION:" + text(location));
        StringBuilder description = new StringBuilder(RichText.plainText(meeting.getAgenda()));
        meeting.getOnlineLink().ifPresent(link -> description.append(description.isEmpty() ? "" : "\n").append(link));
        if (!description.isEmpty()) {
            line(out, "DESCRIPTION:" + text(description.toString()));
        }
        if (pageUrl != null) {
            line(out, "URL:" + pageUrl);
        }
        line(out, meeting.isCancelled() ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value escaped as RFC 5545 (3.3.11) says. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder();
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (char c : normalised.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7F || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Appends a content line, folded at 75 octets (3.1): each continuation starts with one space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + length > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = LINE_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += length;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
