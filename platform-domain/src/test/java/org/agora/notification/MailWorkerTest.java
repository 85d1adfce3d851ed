package org.agora.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.agora.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail worker against a real SMTP server in this JVM (GreenMail) and the H2 outbox: mails read back in each
 * resident's language with a working unsubscribe link and escaped values; the worker trying again while the server
 * is down and delivering once it is back, the clock driven by the test (no waiting).
 */
class MailWorkerTest extends DatabaseTest {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final Map<String, String> ADDRESSES = Map.of("alice", "alice@example.org", "bruno", "bruno@example.org");

    private int port;
    private GreenMail smtp;
    private MailWorker worker;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }

    @BeforeEach
    void smtpServerAndWorker() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = startSmtp();
        SmtpMailSender sender = new SmtpMailSender(new SmtpMailSender.Settings("127.0.0.1", port, "Agora Belrive <agora@belrive.example>",
                Optional.empty(), Optional.empty(), false, Duration.ofSeconds(5)));
        worker = new MailWorker("test-instance", new TransactionalQueue(db()),
                person -> Optional.ofNullable(ADDRESSES.get(person)), sender, new NotificationTexts(),
                new MailWorker.Links("http://127.0.0.1:8080/", Services.TEST_LINKS), RetrySchedule.DEFAULT, 20);
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private void tell(Notice... notices) {
        db().inTransaction(em -> {
            Services.on(em).notifications().tellAll(List.of(notices), T0);
            return null;
        });
    }

    private Mail onlyMail() {
        return db().inTransaction(em -> em.createQuery("select m from Mail m", Mail.class).getSingleResult());
    }

    static Notice reply(String to, String who, String text) {
        return Notice.of(to, NotificationKind.COMMENT_REPLY, "comment.reply", "/budget/project.xhtml?id=12#comment-51", who, text);
    }

    @Test
    void eachResidentReadsTheMailInTheirLanguageWithAWorkingUnsubscribeLink() throws Exception {
        db().inTransaction(em -> Services.on(em).notificationCentre().choose(NotificationPersistenceContract.ALICE, Map.of(), "en"));
        tell(reply("alice", "Zoé <img src=x onerror=alert(1)>", "I agree & \"more\""), reply("bruno", "Zoé", "D'accord"));

        assertThat(worker.runOnce(T0)).isEqualTo(new MailWorker.Round(2, 0, 0));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage toAlice = received[0].getAllRecipients()[0].toString().equals("alice@example.org") ? received[0] : received[1];
        MimeMessage toBruno = toAlice == received[0] ? received[1] : received[0];

        assertThat(toAlice.getSubject()).isEqualTo("Zoé <img src=x onerror=alert(1)> replied to your comment");
        assertThat(toAlice.getHeader("Content-Language")).containsExactly("en");
        assertThat(toAlice.getFrom()[0].toString()).isEqualTo("Agora Belrive <agora@belrive.example>");
        String aliceText = part(toAlice, 0);
        String aliceHtml = part(toAlice, 1);
        assertThat(aliceText).contains("Hello,").contains("I agree & \"more\"")
                .contains("http://127.0.0.1:8080/budget/project.xhtml?id=12#comment-51");
        assertThat(aliceHtml).doesNotContain("<img").contains("Zoé &lt;img src=x onerror=alert(1)&gt; replied")
                .contains("I agree &amp; &quot;more&quot;");

        assertThat(toBruno.getSubject()).isEqualTo("Zoé a répondu à votre commentaire");
        assertThat(part(toBruno, 0)).contains("Bonjour,").contains("« D'accord »").contains("Ne plus recevoir ces e-mails");

        // the unsubscribe link of the body and of the List-Unsubscribe header name alice and replies, signed
        Matcher link = Pattern.compile("/notifications/unsubscribe\\.xhtml\\?token=([A-Za-z0-9_.-]+)").matcher(aliceText);
        assertThat(link.find()).isTrue();
        assertThat(Services.TEST_LINKS.verify(link.group(1)))
                .contains(new UnsubscribeLinks.Subject("alice", NotificationKind.COMMENT_REPLY));
        assertThat(toAlice.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://127.0.0.1:8080/api/notifications/unsubscribe?token=" + link.group(1) + ">");
        assertThat(toAlice.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        db().inTransaction(em -> Services.on(em).notificationCentre().unsubscribe(link.group(1)));
        tell(reply("alice", "Zoé", "again"));
        assertThat(worker.runOnce(T0.plusSeconds(1))).isEqualTo(new MailWorker.Round(0, 0, 0));
    }

    @Test
    void workerKeepsTryingWhileTheServerIsDownAndDeliversWhenItIsBack() {
        tell(reply("alice", "Zoé", "Oui"));
        smtp.stop();

        assertThat(worker.runOnce(T0)).isEqualTo(new MailWorker.Round(0, 1, 0));
        assertThat(onlyMail().getAttempts()).isEqualTo(1);
        assertThat(onlyMail().getLastError()).hasValueSatisfying(e -> assertThat(e).containsIgnoringCase("connect"));
        assertThat(worker.runOnce(T0.plusSeconds(59))).isEqualTo(new MailWorker.Round(0, 0, 0));
        assertThat(worker.runOnce(T0.plusSeconds(60))).isEqualTo(new MailWorker.Round(0, 1, 0));
        assertThat(onlyMail().getNextAttemptAt()).isEqualTo(T0.plusSeconds(60 + 120));

        smtp = startSmtp();
        assertThat(worker.runOnce(T0.plusSeconds(180))).isEqualTo(new MailWorker.Round(1, 0, 0));
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Zoé a répondu à votre commentaire"));
        Mail sent = onlyMail();
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(3);
        assertThat(sent.getSentTo()).contains("alice@example.org");
        // sent once: a later round finds nothing
        assertThat(worker.runOnce(T0.plus(Duration.ofDays(1)))).isEqualTo(new MailWorker.Round(0, 0, 0));
    }

    @Test
    void aDeadServerCostsOneAttemptARoundAndTheOtherMailsWaitUntried() {
        tell(reply("alice", "Zoé", "Un"), reply("bruno", "Zoé", "Deux"), reply("alice", "Zoé", "Trois"));
        smtp.stop();
        assertThat(worker.runOnce(T0)).isEqualTo(new MailWorker.Round(0, 1, 0));
        List<Mail> mails = db().inTransaction(em -> em.createQuery("select m from Mail m order by m.id", Mail.class)
                .getResultList());
        assertThat(mails).extracting(Mail::getAttempts).containsExactly(1, 0, 0);
        assertThat(mails).allSatisfy(m -> assertThat(m.getClaimedBy()).isEmpty());

        smtp = startSmtp();
        assertThat(worker.runOnce(T0.plusSeconds(10))).isEqualTo(new MailWorker.Round(2, 0, 0));
        assertThat(worker.runOnce(T0.plusSeconds(60))).isEqualTo(new MailWorker.Round(1, 0, 0));
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aMailTheServerRefusesDoesNotStopTheOthers() {
        MailWorker refusing = new MailWorker("test-instance", new TransactionalQueue(db()),
                person -> Optional.ofNullable(ADDRESSES.get(person)), mail -> {
                    if (mail.to().startsWith("alice")) {
                        throw new jakarta.mail.SendFailedException("550 mailbox unavailable");
                    }
                }, new NotificationTexts(), new MailWorker.Links("http://127.0.0.1:8080", Services.TEST_LINKS),
                RetrySchedule.DEFAULT, 20);
        tell(reply("alice", "Zoé", "Un"), reply("bruno", "Zoé", "Deux"));
        assertThat(refusing.runOnce(T0)).isEqualTo(new MailWorker.Round(1, 1, 0));
    }

    @Test
    void mailToAnAccountWithoutAddressFailsVisiblyAndIsGivenUpAtTheEnd() {
        tell(reply("carole", "Zoé", "Oui"));
        Instant at = T0;
        for (int attempt = 1; attempt <= RetrySchedule.DEFAULT.maxAttempts(); attempt++) {
            assertThat(worker.runOnce(at).failed()).isEqualTo(1);
            at = onlyMail().getNextAttemptAt();
        }
        Mail failed = onlyMail();
        assertThat(failed.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.getLastError()).hasValueSatisfying(e -> assertThat(e).contains("no e-mail address").contains("carole"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void mailTurnedOffAfterItWasQueuedIsSkipped() {
        tell(reply("alice", "Zoé", "Oui"));
        db().inTransaction(em -> Services.on(em).notificationCentre().choose(NotificationPersistenceContract.ALICE,
                Map.of(NotificationKind.COMMENT_REPLY, new NotificationKind.Choice(true, false)), "fr"));
        assertThat(worker.runOnce(T0)).isEqualTo(new MailWorker.Round(0, 0, 1));
        assertThat(onlyMail().getStatus()).isEqualTo(MailStatus.SKIPPED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutALinkSecretMailsWaitWithTheReasonForTheOffice() {
        MailWorker unconfigured = new MailWorker("test-instance", new TransactionalQueue(db()),
                person -> Optional.of("alice@example.org"), mail -> { }, new NotificationTexts(),
                new MailWorker.Links("http://127.0.0.1:8080", UnsubscribeLinks.unconfigured()), RetrySchedule.DEFAULT, 20);
        tell(reply("alice", "Zoé", "Oui"));
        assertThat(unconfigured.runOnce(T0).failed()).isEqualTo(1);
        assertThat(onlyMail().getLastError()).contains("notification.linkSecretMissing");
        assertThat(onlyMail().getStatus()).isEqualTo(MailStatus.PENDING);
    }

    private static String part(MimeMessage message, int index) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        return GreenMailUtil.getBody(alternative.getBodyPart(index)).isEmpty() ? ""
                : (String) alternative.getBodyPart(index).getContent();
    }
}
