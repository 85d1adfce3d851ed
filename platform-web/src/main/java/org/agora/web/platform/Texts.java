package org.agora.web.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The message bundles (messages_fr / messages_en): one place that turns a key and arguments into a text. */
public final class Texts {

    public static final String BUNDLE = "org.agora.web.messages";

    private Texts() {
    }

    /** The first of the caller's languages that the platform speaks; French otherwise. */
    public static Locale preferred(java.util.List<Locale> callerLanguages) {
        return callerLanguages.stream()
                .filter(l -> "en".equals(l.getLanguage()) || "fr".equals(l.getLanguage()))
                .map(l -> "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH)
                .findFirst().orElse(Locale.FRENCH);
    }

    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        try {
            String pattern = bundle.getString(key);
            return new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
