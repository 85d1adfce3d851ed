package org.agora.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends through an SMTP server with Jakarta Mail: a multipart/alternative mail (text, then HTML) in UTF-8, from the
 * configured sender, with {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}. Host, port, sender, optional
 * credentials and STARTTLS come from {@code agora.mail.*}; every network wait is bounded so a dead server fails an
 * attempt instead of holding the worker.
 */
public final class SmtpMailSender implements MailSender {

    /** How to reach the mail server. */
    public record Settings(String host, int port, String from, Optional<String> user, Optional<String> password,
                           boolean startTls, Duration timeout) {
    }

    private final Settings settings;
    private final Session session;

    public SmtpMailSender(Settings settings) {
        this.settings = settings;
        InternetAddress sender;
        try {
            sender = new InternetAddress(settings.from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("agora.mail.from is not an e-mail address: " + settings.from(), e);
        }
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        // the envelope's sender (MAIL FROM) is the bare address; the From header keeps the display name
        properties.put("mail.smtp.from", sender.getAddress());
        String millis = String.valueOf(settings.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        if (settings.user().isPresent()) {
            properties.put("mail.smtp.auth", "true");
        }
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(properties);
    }

    @Override
    public void send(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", mail.language());
        message.setHeader("List-Unsubscribe", "<" + mail.listUnsubscribe() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        if (settings.user().isPresent()) {
            Transport.send(message, settings.user().get(), settings.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
