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
