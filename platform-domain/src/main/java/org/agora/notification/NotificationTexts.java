package org.agora.notification;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.agora.shared.Period;

/**
 * The words of notifications and mails, from the bundle {@code org/agora/notification/texts_fr|en.properties}: the
 * notification centre's line of each event ({@code notification.<event>}) and its mail ({@code mail.<event>.subject},
 * {@code mail.<event>.body}), with the values of the notice (instants shown in the city's time zone). The mail's HTML
 * part is its text with every character escaped, links added as anchors: a value someone wrote can never be markup.
 */
public final class NotificationTexts {

    private static final String BUNDLE = "org.agora.notification.texts";

    /** A mail ready to send, in one language. */
    public record MailMessage(String subject, String text, String html) {
    }

    public String inApp(Locale locale, String event, List<Object> arguments) {
        return format(locale, "notification." + event, arguments);
    }

    /** The name of a kind of event, as the preferences page and the unsubscribe page show it. */
    public String kindName(Locale locale, NotificationKind kind) {
        return format(locale, "notification.kind." + kind.name(), List.of());
    }

    /**
     * The mail of a notice: subject, a text part and its escaped HTML twin, with the page's address, the one-click
     * unsubscribe address and the preferences' address.
     */
    public MailMessage mail(MailLanguage language, Notice notice, String pageUrl, String unsubscribeUrl,
                            String preferencesUrl) {
        Locale locale = language.locale();
        String subject = format(locale, "mail." + notice.event() + ".subject", notice.arguments());
        String body = format(locale, "mail." + notice.event() + ".body", notice.arguments());
        String hello = format(locale, "mail.hello", List.of());
        String open = format(locale, "mail.open", List.of());
        String why = format(locale, "mail.why", List.of(kindName(locale, notice.kind())));
        String stop = format(locale, "mail.unsubscribe", List.of());
        String choose = format(locale, "mail.preferences", List.of());
        StringBuilder text = new StringBuilder()
                .append(hello).append("\n\n").append(body).append("\n\n");
        if (pageUrl != null) {
            text.append(open).append(" ").append(pageUrl).append("\n\n");
        }
        text.append("-- \n").append(why).append("\n")
                .append(stop).append(" ").append(unsubscribeUrl).append("\n")
                .append(choose).append(" ").append(preferencesUrl).append("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language.code())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head><body>")
                .append("<p>").append(escape(hello)).append("</p>")
                .append("<p>").append(escape(body).replace("\n", "<br>")).append("</p>");
        if (pageUrl != null) {
            html.append("<p><a href=\"").append(escape(pageUrl)).append("\">").append(escape(open)).append("</a></p>");
        }
        html.append("<hr><p style=\"font-size:small\">").append(escape(why)).append("<br>")
                .append("<a href=\"").append(escape(unsubscribeUrl)).append("\">").append(escape(stop)).append("</a> · ")
                .append("<a href=\"").append(escape(preferencesUrl)).append("\">").append(escape(choose)).append("</a>")
                .append("</p></body></html>");
        return new MailMessage(subject, text.toString(), html.toString());
    }

    /**
     * A newsletter's mail: its subject (marked for a test send), its body as written (safe HTML, sanitized again here
     * whatever the caller gave) and as plain text, the archive page's address when it has one, and the same
     * unsubscribe and preferences links as every mail.
     */
    public MailMessage newsletter(MailLanguage language, Letters.Letter letter, boolean test, String pageUrl,
                                  String unsubscribeUrl, String preferencesUrl) {
        Locale locale = language.locale();
        String subject = test ? format(locale, "mail.newsletter.testSubject", List.of(letter.subject())) : letter.subject();
        String safe = org.agora.shared.RichText.sanitize(letter.html());
        String testNotice = format(locale, "mail.newsletter.testNotice", List.of());
        String open = format(locale, "mail.newsletter.open", List.of());
        String why = format(locale, "mail.why", List.of(kindName(locale, NotificationKind.NEWSLETTER)));
        String stop = format(locale, "mail.unsubscribe", List.of());
        String choose = format(locale, "mail.preferences", List.of());
        StringBuilder text = new StringBuilder();
        if (test) {
            text.append(testNotice).append("\n\n");
        }
        text.append(org.agora.shared.RichText.plainText(safe)).append("\n\n");
        if (pageUrl != null) {
            text.append(open).append(" ").append(pageUrl).append("\n\n");
        }
        text.append("-- \n").append(why).append("\n")
                .append(stop).append(" ").append(unsubscribeUrl).append("\n")
                .append(choose).append(" ").append(preferencesUrl).append("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language.code())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head><body>");
        if (test) {
            html.append("<p><strong>").append(escape(testNotice)).append("</strong></p>");
        }
        html.append("<div>").append(safe).append("</div>");
        if (pageUrl != null) {
            html.append("<p><a href=\"").append(escape(pageUrl)).append("\">").append(escape(open)).append("</a></p>");
        }
        html.append("<hr><p style=\"font-size:small\">").append(escape(why)).append("<br>")
                .append("<a href=\"").append(escape(unsubscribeUrl)).append("\">").append(escape(stop)).append("</a> · ")
                .append("<a href=\"").append(escape(preferencesUrl)).append("\">").append(escape(choose)).append("</a>")
                .append("</p></body></html>");
        return new MailMessage(subject, text.toString(), html.toString());
    }

    /** Every character that means something in HTML, escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String format(Locale locale, String key, List<Object> arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
        DateTimeFormatter when = DateTimeFormatter.ofPattern(bundle.getString("format.dateTime"), locale)
                .withZone(Period.CITY_ZONE);
        Object[] values = arguments.stream()
                .map(a -> a instanceof Instant instant ? when.format(instant) : a instanceof Long number ? number : a.toString())
                .toArray();
        return new MessageFormat(pattern, locale).format(values);
    }
}
