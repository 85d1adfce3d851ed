package org.agora.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice's values in one column: each value tagged {@code s} (a string), {@code i} (an instant) or {@code n} (a
 * whole number), separated by
 * the unit separator U+001F, which is removed from the strings (it has no place in what people write).
 */
final class NoticeArguments {

    private static final char SEPARATOR = '\u001F';
    static final int MAX_LENGTH = 4000;
    private static final int MAX_VALUE = 600;

    private NoticeArguments() {
    }

    static String encode(List<Object> values) {
        StringBuilder out = new StringBuilder();
        for (Object value : values) {
            if (!out.isEmpty()) {
                out.append(SEPARATOR);
            }
            if (value instanceof Instant instant) {
                out.append('i').append(instant);
            } else if (value instanceof Long number) {
                out.append('n').append(number);
            } else {
                String text = value.toString().replace(String.valueOf(SEPARATOR), "");
                out.append('s').append(text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text);
            }
        }
        return out.toString();
    }

    static List<Object> decode(String column) {
        List<Object> values = new ArrayList<>();
        if (column == null || column.isEmpty()) {
            return values;
        }
        for (String part : column.split(String.valueOf(SEPARATOR), -1)) {
            if (part.startsWith("i")) {
                values.add(Instant.parse(part.substring(1)));
            } else if (part.startsWith("n")) {
                values.add(Long.parseLong(part.substring(1)));
            } else {
                values.add(part.isEmpty() ? "" : part.substring(1));
            }
        }
        return values;
    }
}
