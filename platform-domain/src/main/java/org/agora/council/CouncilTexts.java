package org.agora.council;

import org.agora.shared.InvalidInputException;

/** The checks the council's written content shares: a title on one line, a plain text of bounded length. */
final class CouncilTexts {

    private CouncilTexts() {
    }

    /** A required title: trimmed, inner spaces collapsed, at most {@code max} characters. */
    static String title(String field, String raw, int max) {
        String title = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (title.length() > max) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        return title;
    }

    /** A required plain text: trimmed, line breaks kept (as \n), at most {@code max} characters. */
    static String text(String field, String raw, int max) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        return text;
    }
}
