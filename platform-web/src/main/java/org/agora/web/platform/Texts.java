package org.agora.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.agora.shared.MessageKey;

/** The message bundles (messages_fr / messages_en): one place that turns a key and arguments into a text. */
public final class Texts {

    public static final String BUNDLE = "org.agora.web.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** The platform's locale for a language code, if it speaks that language (French or English). */
    public static Optional<Locale> supported(String language) {
        return switch (String.valueOf(language)) {
            case "fr" -> Optional.of(Locale.FRENCH);
            case "en" -> Optional.of(Locale.ENGLISH);
            default -> Optional.empty();
        };
    }

    /** The first of the caller's languages that the platform speaks; French otherwise. */
    public static Locale preferred(List<Locale> callerLanguages) {
        return callerLanguages.stream()
                .flatMap(l -> supported(l.getLanguage()).stream())
                .findFirst().orElse(Locale.FRENCH);
    }

    /** The same from a request's Accept-Language; without one, French (getLocales() would give the server's). */
    public static Locale preferred(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null
                ? Locale.FRENCH
                : preferred(Collections.list(request.getLocales()));
    }

    /** The text of a key in the given language; arguments that are {@link MessageKey}s are translated too. */
    public static String format(Locale locale, String key, Object... arguments) {
        // one file per language the platform speaks and no base file: another language is the city's, French, never
        // the server's own default language
        Locale spoken = supported(locale.getLanguage()).orElse(Locale.FRENCH);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, spoken, NO_FALLBACK);
        try {
            String pattern = bundle.getString(key);
            Object[] translated = Arrays.stream(arguments)
                    .map(a -> a instanceof MessageKey inner ? format(locale, inner.key(), inner.arguments().toArray()) : a)
                    .map(a -> a instanceof java.time.Instant instant ? java.util.Date.from(instant) : a)
                    .toArray();
            MessageFormat message = new MessageFormat(pattern, spoken);
            for (java.text.Format part : message.getFormats()) {
                if (part instanceof java.text.DateFormat date) { // {n,date} and {n,time} in the city's time
                    date.setTimeZone(java.util.TimeZone.getTimeZone(org.agora.shared.Period.CITY_ZONE));
                }
            }
            return message.format(translated);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
