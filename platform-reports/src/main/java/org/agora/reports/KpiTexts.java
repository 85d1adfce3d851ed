package org.agora.reports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The labels and definitions of the participation KPIs in one language (bundle {@code org/agora/reports/kpi}, French
 * and English): the workbook, the CSV files and the dashboard read the same texts.
 */
public final class KpiTexts {

    private final Locale locale;
    private final ResourceBundle bundle;

    private KpiTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.agora.reports.kpi", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts in French, or in English for any language that is not French. */
    public static KpiTexts in(Locale locale) {
        return new KpiTexts("fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
