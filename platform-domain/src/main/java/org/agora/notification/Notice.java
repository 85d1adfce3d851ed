package org.agora.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a capability tells one person: the kind of event (which the person's preferences are about), the event's
 * message key in the notification bundle ({@code notification.<event>}, and {@code mail.<event>.subject|body} for
 * its mail), the values the text names (strings, written by people or not; instants, shown in the city's time zone;
 * whole numbers such as amounts in euros, shown in the reader's language), and the path of the page it is about.
 */
public record Notice(String recipient, NotificationKind kind, String event, List<Object> arguments, String link) {

    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
        arguments = List.copyOf(arguments);
        for (Object argument : arguments) {
            if (!(argument instanceof String) && !(argument instanceof Instant) && !(argument instanceof Long)) {
                throw new IllegalArgumentException("a notice's values are strings, instants or longs: " + argument);
            }
        }
    }

    public static Notice of(String recipient, NotificationKind kind, String event, String link, Object... arguments) {
        return new Notice(recipient, kind, event, List.of(arguments), link);
    }
}
