package org.agora.web.council;

import java.util.Optional;
import java.util.regex.Pattern;

/** An id typed in an address ({@code ?id=12}): digits that fit a long, or none at all. */
final class Ids {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private Ids() {
    }

    static Optional<Long> parse(String text) {
        return text != null && DIGITS.matcher(text.strip()).matches()
                ? Optional.of(Long.parseLong(text.strip())) : Optional.empty();
    }
}
