package org.agora.notification;

import java.util.Locale;
import java.util.Optional;

/** The language of a person's mails: French (the city's, the default) or English. */
public enum MailLanguage {
    FR, EN;

    public static final MailLanguage DEFAULT = FR;

    public Locale locale() {
        return this == FR ? Locale.FRENCH : Locale.ENGLISH;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "fr" or "en", any case; empty for anything else. */
    public static Optional<MailLanguage> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> Optional.of(FR);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
