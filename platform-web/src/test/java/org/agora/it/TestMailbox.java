package org.agora.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SMTP server of the integration tests, in their JVM (GreenMail), on {@code agora.test.smtp.port}: the deployed
 * app's mail worker sends there (arquillian.xml). Started once, on first use, for the whole run.
 */
final class TestMailbox {

    static final int PORT = Integer.parseInt(System.getProperty("agora.test.smtp.port", "3325"));

    private static GreenMail server;

    private TestMailbox() {
    }

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /**
     * The first mail received that matches, waiting for deliveries up to {@code millis} (the app's worker sends every
     * ten seconds): GreenMail wakes the wait when a mail arrives, nothing sleeps.
     */
    static Optional<MimeMessage> await(Predicate<MimeMessage> wanted, long millis) {
        GreenMail mailbox = server();
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            MimeMessage[] received = mailbox.getReceivedMessages();
            Optional<MimeMessage> found = Arrays.stream(received).filter(wanted).findFirst();
            long left = deadline - System.currentTimeMillis();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            mailbox.waitForIncomingEmail(left, received.length + 1);
        }
    }

    static boolean to(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** Every text of a mail, decoded, whatever its parts (Keycloak's mails too). */
    static String text(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return text.toString();
            }
            return content instanceof String string ? string : "";
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text (0) or HTML (1) part of a mail of the platform. */
    static String part(MimeMessage message, int index) {
        try {
            return (String) ((Multipart) message.getContent()).getBodyPart(index).getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
