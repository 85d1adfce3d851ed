package org.agora.web.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An id typed in an address ({@code ?id=12}): digits that fit a long, or none at all. Pages read theirs through
 * {@link IdConverter}; servlets, which have no view parameters, parse it here.
 */
public final class Ids {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private Ids() {
    }

    public static Optional<Long> parse(String text) {
        return text != null && DIGITS.matcher(text.strip()).matches()
                ? Optional.of(Long.parseLong(text.strip())) : Optional.empty();
    }
}
