package org.agora.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stable identifier of a district, as it appears in URLs, in the API and in the resident's
 * {@code district} token claim: 2 to 32 lower-case letters, digits or dashes.
 */
public record DistrictCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    public DistrictCode {
        if (!isWellFormed(value)) {
            throw new InvalidInputException("code", "territory.district.code.malformed", String.valueOf(value));
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.length() >= 2 && FORMAT.matcher(value).matches();
    }

    /** The code when the text is one, empty otherwise (claims and URLs may carry anything). */
    public static Optional<DistrictCode> parse(String value) {
        return isWellFormed(value) ? Optional.of(new DistrictCode(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
