package org.agora.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.shared.DomainException;

/**
 * One round of an instance's mail worker: claims the due mails, and for each one makes it (the person's language and
 * current address, a signed unsubscribe link) and sends it, outside any transaction, then records the outcome. A mail
 * the person no longer wants is skipped; a failure (no address, no link secret, the server down or refusing) counts an
 * attempt and waits its turn ({@link RetrySchedule}). When the server itself fails (it cannot be reached, or times
 * out), the round stops there and gives the other claimed mails back untried: a dead relay costs one timeout a round,
 * not one per mail. A refusal of one mail (its address) does not stop the round. The caller gives the time, so tests
 * drive it without waiting.
 */
public final class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

    /** What one round did. */
    public record Round(int sent, int failed, int skipped) {

        public int total() {
            return sent + failed + skipped;
        }
    }

    /** The platform's public address and the paths the mails link to. */
    public record Links(String publicUrl, UnsubscribeLinks unsubscribe) {

        public static final String UNSUBSCRIBE_PAGE = "/notifications/unsubscribe.xhtml?token=";
        public static final String UNSUBSCRIBE_API = "/api/notifications/unsubscribe?token=";
        public static final String PREFERENCES_PAGE = "/notifications/preferences.xhtml";

        String base() {
            return publicUrl.replaceAll("/+$", "");
        }
    }

    private final String name;
    private final MailQueue queue;
    private final MailAddresses addresses;
    private final MailSender sender;
    private final NotificationTexts texts;
    private final Links links;
    private final RetrySchedule schedule;
    private final int batch;
    private final Letters letters;

    /** A worker for the notifications only (no newsletters). */
    public MailWorker(String name, MailQueue queue, MailAddresses addresses, MailSender sender, NotificationTexts texts,
                      Links links, RetrySchedule schedule, int batch) {
        this(name, queue, addresses, sender, texts, links, schedule, batch, Letters.NONE);
    }

    public MailWorker(String name, MailQueue queue, MailAddresses addresses, MailSender sender, NotificationTexts texts,
                      Links links, RetrySchedule schedule, int batch, Letters letters) {
        this.letters = letters;
        this.name = name;
        this.queue = queue;
        this.addresses = addresses;
        this.sender = sender;
        this.texts = texts;
        this.links = links;
        this.schedule = schedule;
        this.batch = batch;
    }

    /** Sends what is due at {@code now}. */
    public Round runOnce(Instant now) {
        int sent = 0;
        int failed = 0;
        int skipped = 0;
        List<Long> claimed = queue.claimDue(name, now, batch);
        for (int i = 0; i < claimed.size(); i++) {
            Optional<Mail> held = queue.held(claimed.get(i), name);
            if (held.isEmpty()) {
                continue;
            }
            switch (deliver(held.get(), now)) {
                case SENT -> sent++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
                case SERVER_DOWN -> {
                    failed++;
                    claimed.subList(i + 1, claimed.size()).forEach(id -> queue.release(id, name));
                    return new Round(sent, failed, skipped);
                }
            }
        }
        return new Round(sent, failed, skipped);
    }

    private enum Outcome { SENT, SKIPPED, FAILED, SERVER_DOWN }

    private Outcome deliver(Mail mail, Instant now) {
        Notice notice = mail.notice();
        NotificationPreferences preferences = queue.preferencesOf(notice.recipient());
        // a newsletter's test send goes to its author whatever they opted; every other mail only as the person chose
        boolean test = Notifications.NEWSLETTER_TEST_EVENT.equals(notice.event());
        if (!test && !preferences.choice(notice.kind()).byEmail()) {
            queue.skipped(mail.getId(), name, now);
            return Outcome.SKIPPED;
        }
        String error;
        Outcome outcome = Outcome.FAILED;
        try {
            Optional<String> address = addresses.addressOf(notice.recipient());
            if (address.isEmpty()) {
                error = "no e-mail address for the account " + notice.recipient() + " (none, or the directory did not answer)";
            } else {
                sender.send(compose(mail, notice, address.get(), preferences.getLanguage()));
                queue.sent(mail.getId(), name, address.get(), now);
                return Outcome.SENT;
            }
        } catch (DomainException e) {
            error = e.messageKey();
        } catch (jakarta.mail.SendFailedException e) {
            // the server answered and refused this mail (an address, the sender): the others may go through
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (Exception e) {
            // the server could not be reached or did not answer in time: the next mails would wait as long
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            outcome = Outcome.SERVER_DOWN;
        }
        String reason = error;
        LOG.log(Level.INFO, () -> "Mail " + mail.getId() + " not sent (attempt " + (mail.getAttempts() + 1) + "): " + reason);
        queue.failed(mail.getId(), name, error, now, schedule);
        return outcome;
    }

    private OutgoingMail compose(Mail mail, Notice notice, String address, MailLanguage language) {
        String token = links.unsubscribe().sign(notice.recipient(), notice.kind());
        String base = links.base();
        String page = notice.link() == null ? null : base + notice.link();
        NotificationTexts.MailMessage message;
        if (notice.kind() == NotificationKind.NEWSLETTER) {
            long newsletter = (Long) notice.arguments().get(0);
            Letters.Letter letter = letters.letter(newsletter, language)
                    .orElseThrow(() -> new org.agora.shared.NotFoundException("newsletter.notFound", newsletter));
            message = texts.newsletter(language, letter, Notifications.NEWSLETTER_TEST_EVENT.equals(notice.event()), page,
                    base + Links.UNSUBSCRIBE_PAGE + token, base + Links.PREFERENCES_PAGE);
        } else {
            message = texts.mail(language, notice, page, base + Links.UNSUBSCRIBE_PAGE + token, base + Links.PREFERENCES_PAGE);
        }
        return new OutgoingMail(address, message.subject(), message.text(), message.html(),
                base + Links.UNSUBSCRIBE_API + token, language.code());
    }
}
