package org.agora.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A short name given by staff (a district, a neighbourhood, a theme): trimmed, inner spaces collapsed,
 * 1 to {@value #MAX_LENGTH} characters. Its {@link #key()} ignores case and accents, so "Étoile" and
 * "etoile" are the same name when uniqueness is checked.
 */
public record Label(String text) {

    public static final int MAX_LENGTH = 120;

    public Label {
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** Validates a name typed into the given field; the error keys say which rule failed. */
    public static Label of(String field, String raw) {
        Label label = new Label(raw);
        if (label.text.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (label.text.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "validation.tooLong", MAX_LENGTH);
        }
        return label;
    }

    public String key() {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
