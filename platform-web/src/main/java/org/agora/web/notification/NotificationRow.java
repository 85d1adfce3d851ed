package org.agora.web.notification;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import org.agora.notification.Notification;
import org.agora.notification.NotificationTexts;
import org.agora.web.platform.CityTime;

/** A notification as the centre shows it: its text in the page's language, when, where it leads, read or not. */
public record NotificationRow(long id, String kind, String text, String link, String when, Instant at, boolean read)
        implements Serializable {

    static NotificationRow of(Notification n, NotificationTexts texts, Locale locale) {
        return new NotificationRow(n.getId(), n.getKind().name(), texts.inApp(locale, n.getEvent(), n.getArguments()),
                n.getLink().orElse(null), CityTime.dateTime(n.getCreatedAt(), locale), n.getCreatedAt(), n.isRead());
    }

    public long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getWhen() {
        return when;
    }

    public boolean isRead() {
        return read;
    }

    public boolean isLinked() {
        return link != null;
    }
}
