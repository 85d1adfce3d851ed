package org.agora.web.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.agora.notification.MailAddresses;
import org.agora.notification.MailQueue;
import org.agora.notification.MailWorker;
import org.agora.notification.NotificationTexts;
import org.agora.notification.RetrySchedule;
import org.agora.notification.SmtpMailSender;
import org.agora.notification.UnsubscribeLinks;
import org.agora.participation.ResidentDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail's configuration ({@code agora.mail.*}, {@code agora.public-url}, {@code agora.notifications.link-secret};
 * every key also an environment variable, AGORA_MAIL_HOST ...): the SMTP server (by default the local mail catcher of
 * {@code ./platform run}, GreenMail on 127.0.0.1:3025), the sender, the worker's schedule and the secret of the
 * unsubscribe links, which has no default (without it mails wait, and the office's page says why).
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    @Inject
    @ConfigProperty(name = "agora.mail.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "agora.mail.port", defaultValue = "3025")
    int port;

    @Inject
    @ConfigProperty(name = "agora.mail.from", defaultValue = "Agora <no-reply@agora.invalid>")
    String from;

    @Inject
    @ConfigProperty(name = "agora.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "agora.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "agora.mail.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "agora.mail.timeout-seconds", defaultValue = "10")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "agora.mail.worker.enabled", defaultValue = "true")
    boolean workerEnabled;

    @Inject
    @ConfigProperty(name = "agora.mail.worker.batch", defaultValue = "50")
    int batch;

    @Inject
    @ConfigProperty(name = "agora.mail.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "agora.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = UnsubscribeLinks.KEY)
    Optional<String> linkSecret;

    @Inject
    MailQueue queue;

    @Inject
    ResidentDirectory directory;

    @Inject
    org.agora.notification.Letters letters;

    private UnsubscribeLinks links;
    private String instance;

    @PostConstruct
    void init() {
        links = linkSecret.filter(s -> !s.isBlank()).map(UnsubscribeLinks::withSecret).orElseGet(() -> {
            LOG.warning(UnsubscribeLinks.KEY + " (AGORA_NOTIFICATIONS_LINK_SECRET) is not set: mails wait in the outbox"
                    + " and unsubscribe links are refused until it is (docs/operations.md)");
            return UnsubscribeLinks.unconfigured();
        });
        String hostName;
        try {
            hostName = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            hostName = "instance";
        }
        // unique per start: a restarted instance never mistakes the claims of its former life for its own
        instance = hostName + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Produces
    UnsubscribeLinks unsubscribeLinks() {
        return links;
    }

    public boolean isWorkerEnabled() {
        return workerEnabled;
    }

    /** This instance's worker: its claims carry {@link #instance}. */
    public MailWorker worker() {
        SmtpMailSender sender = new SmtpMailSender(new SmtpMailSender.Settings(host, port, from, user.filter(u -> !u.isBlank()),
                password, startTls, Duration.ofSeconds(timeoutSeconds)));
        MailAddresses addresses = username -> directory.find(username).flatMap(ResidentDirectory.Account::email);
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.DEFAULT.first(), RetrySchedule.DEFAULT.longest(), maxAttempts);
        return new MailWorker(instance, queue, addresses, sender, new NotificationTexts(),
                new MailWorker.Links(publicUrl, links), schedule, batch, letters);
    }

    public String getInstance() {
        return instance;
    }
}
