package org.agora.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/**
 * Notifications against a real database, on H2 and PostgreSQL (subclasses): what a notice writes as each person
 * chose, the notification centre of one person only, preferences and unsubscribing, and the outbox as several
 * workers use it: one claim per mail, a retry after a failure, a lease that ends, giving up after the last attempt.
 */
abstract class NotificationPersistenceContract extends DatabaseTest {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final Actor ALICE = resident("alice");
    static final Actor BRUNO = resident("bruno");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    static Actor resident(String username) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.empty(), Set.of());
    }

    static Notice reply(String to) {
        return Notice.of(to, NotificationKind.COMMENT_REPLY, "comment.reply", "/budget/project.xhtml?id=1#comment-7",
                "Zoé", "D'accord avec vous");
    }

    static Notice meeting(String to) {
        return Notice.of(to, NotificationKind.COUNCIL_MEETING, "meeting.announced", "/councils/meeting.xhtml?id=3",
                "Saint-Roch", "Assemblée", T0.plus(Duration.ofDays(3)));
    }

    private void tell(Notice... notices) {
        db().inTransaction(em -> {
            Services.on(em).notifications().tellAll(List.of(notices), T0);
            return null;
        });
    }

    private List<Mail> mails() {
        return db().inTransaction(em -> em.createQuery("select m from Mail m order by m.id", Mail.class).getResultList());
    }

    private <T> T centre(java.util.function.Function<NotificationService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).notificationCentre()));
    }

    // --- telling, as each person chose ---

    @Test
    void byDefaultAReplyIsToldInTheAppAndByMailAndAMeetingInTheAppOnly() {
        tell(reply("alice"), meeting("alice"));
        assertThat(this.<List<Notification>>centre(c -> c.list(ALICE, 0, 10))).extracting(Notification::getEvent)
                .containsExactlyInAnyOrder("comment.reply", "meeting.announced");
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.getRecipient()).isEqualTo("alice");
            assertThat(m.getStatus()).isEqualTo(MailStatus.PENDING);
            assertThat(m.notice()).isEqualTo(reply("alice"));
            assertThat(m.getNextAttemptAt()).isEqualTo(T0);
        });
    }

    @Test
    void whatAPersonTurnedOffIsNeitherShownNorQueued() {
        this.<NotificationPreferences>centre(c -> c.choose(ALICE, Map.of(NotificationKind.COMMENT_REPLY, new NotificationKind.Choice(false, false),
                NotificationKind.COUNCIL_MEETING, new NotificationKind.Choice(false, true)), "en"));
        tell(reply("alice"), meeting("alice"), reply("bruno"));
        assertThat(this.<List<Notification>>centre(c -> c.list(ALICE, 0, 10))).isEmpty();
        assertThat(mails()).extracting(Mail::getRecipient, Mail::getKind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("alice", NotificationKind.COUNCIL_MEETING),
                org.assertj.core.groups.Tuple.tuple("bruno", NotificationKind.COMMENT_REPLY));
        assertThat(this.<NotificationPreferences>centre(c -> c.preferences(ALICE)).getLanguage()).isEqualTo(MailLanguage.EN);
    }

    @Test
    void unknownLanguageIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> this.<NotificationPreferences>centre(c -> c.choose(ALICE, Map.of(), "de")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("notification.preferences.languageUnknown");
        assertThat(this.<NotificationPreferences>centre(c -> c.preferences(ALICE)).getLanguage()).isEqualTo(MailLanguage.FR);
    }

    // --- the centre: one person's notifications ---

    @Test
    void centreListsMyNotificationsNewestFirstWithTheUnreadCount() {
        db().inTransaction(em -> {
            Notifications notifications = Services.on(em).notifications();
            notifications.tell(reply("alice"), T0);
            notifications.tell(meeting("alice"), T0.plusSeconds(60));
            notifications.tell(reply("bruno"), T0);
            return null;
        });
        assertThat(this.<List<Notification>>centre(c -> c.list(ALICE, 0, 10))).extracting(Notification::getEvent)
                .containsExactly("meeting.announced", "comment.reply");
        assertThat(this.<Long>centre(c -> c.unreadCount(ALICE))).isEqualTo(2);
        assertThat(this.<Long>centre(c -> c.count(ALICE))).isEqualTo(2);
        assertThat(this.<Long>centre(c -> c.unreadCount(Actor.anonymous()))).isZero();
        long newest = this.<List<Notification>>centre(c -> c.list(ALICE, 0, 1)).get(0).getId();
        this.<Notification>centre(c -> c.markRead(ALICE, newest, T0.plusSeconds(120)));
        assertThat(this.<Long>centre(c -> c.unreadCount(ALICE))).isEqualTo(1);
        assertThat(this.<Integer>centre(c -> c.markAllRead(ALICE, T0.plusSeconds(180)))).isEqualTo(1);
        assertThat(this.<Long>centre(c -> c.unreadCount(ALICE))).isZero();
        assertThat(this.<Long>centre(c -> c.unreadCount(BRUNO))).isEqualTo(1);
        assertThat(this.<List<Notification>>centre(c -> c.list(ALICE, 0, 10))).allMatch(Notification::isRead);
        // the first reading is kept
        assertThat(this.<Notification>centre(c -> c.markRead(ALICE, newest, T0.plusSeconds(999))).getReadAt()).contains(T0.plusSeconds(120));
    }

    @Test
    void theCentreReadsAPageAtATimeSoNoNotificationIsOutOfReach() {
        db().inTransaction(em -> {
            Notifications notifications = Services.on(em).notifications();
            for (int i = 0; i < 7; i++) {
                notifications.tell(reply("alice"), T0.plusSeconds(i));
            }
            notifications.tell(reply("bruno"), T0);
            return null;
        });
        Page<Notification> first = centre(c -> c.page(ALICE, new PageRequest(1, 3)));
        Page<Notification> last = centre(c -> c.page(ALICE, new PageRequest(3, 3)));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.items()).extracting(Notification::getCreatedAt)
                .containsExactly(T0.plusSeconds(6), T0.plusSeconds(5), T0.plusSeconds(4));
        assertThat(last.items()).extracting(Notification::getCreatedAt).containsExactly(T0);
        assertThat(last.hasNext()).isFalse();
        assertThatThrownBy(() -> this.<Page<Notification>>centre(c -> c.page(Actor.anonymous(), new PageRequest(1, 3))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void anotherPersonCannotReadNorMarkMyNotification() {
        tell(reply("alice"));
        long mine = this.<List<Notification>>centre(c -> c.list(ALICE, 0, 10)).get(0).getId();
        assertThat(this.<List<Notification>>centre(c -> c.list(BRUNO, 0, 10))).isEmpty();
        assertThatThrownBy(() -> this.<Notification>centre(c -> c.markRead(BRUNO, mine, T0))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> this.<Notification>centre(c -> c.markRead(OFFICE, mine, T0))).isInstanceOf(NotFoundException.class);
        assertThat(this.<Integer>centre(c -> c.markAllRead(BRUNO, T0))).isZero();
        assertThat(this.<Long>centre(c -> c.unreadCount(ALICE))).isEqualTo(1);
        assertThatThrownBy(() -> this.<List<Notification>>centre(c -> c.list(Actor.anonymous(), 0, 10))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> this.<Integer>centre(c -> c.markAllRead(Actor.anonymous(), T0))).isInstanceOf(NotAllowedException.class);
    }

    // --- unsubscribing without signing in ---

    @Test
    void unsubscribeLinkStopsThatKindOfMailOnlyAndCanBeUsedTwice() {
        String token = Services.TEST_LINKS.sign("alice", NotificationKind.COMMENT_REPLY);
        assertThat(this.<UnsubscribeLinks.Subject>centre(c -> c.unsubscribe(token)))
                .isEqualTo(new UnsubscribeLinks.Subject("alice", NotificationKind.COMMENT_REPLY));
        this.<UnsubscribeLinks.Subject>centre(c -> c.unsubscribe(token));
        NotificationPreferences after = this.<NotificationPreferences>centre(c -> c.preferences(ALICE));
        assertThat(after.choice(NotificationKind.COMMENT_REPLY)).isEqualTo(new NotificationKind.Choice(true, false));
        assertThat(after.choice(NotificationKind.MEETING_SEAT)).isEqualTo(new NotificationKind.Choice(true, true));
        tell(reply("alice"));
        assertThat(mails()).isEmpty();
        assertThat(this.<Long>centre(c -> c.unreadCount(ALICE))).isEqualTo(1);
    }

    @Test
    void forgedUnsubscribeTokenIsRefusedAndChangesNothing() {
        String token = Services.TEST_LINKS.sign("alice", NotificationKind.COMMENT_REPLY);
        String forged = token.replace(".COMMENT_REPLY.", ".MEETING_SEAT.");
        assertThatThrownBy(() -> this.<UnsubscribeLinks.Subject>centre(c -> c.unsubscribe(forged)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("notification.unsubscribe.invalid");
        assertThatThrownBy(() -> this.<UnsubscribeLinks.Subject>centre(c -> c.unsubscribe("nonsense"))).isInstanceOf(InvalidInputException.class);
        assertThat((Object) db().inTransaction(em -> em.find(NotificationPreferences.class, "alice"))).isNull();
    }

    // --- the outbox and its workers ---

    @Test
    void twoWorkersNeverClaimTheSameMail() {
        tell(reply("alice"), reply("bruno"));
        MailQueue queue = new TransactionalQueue(db());
        List<Long> first = queue.claimDue("instance-a", T0, 10);
        List<Long> second = queue.claimDue("instance-b", T0, 10);
        assertThat(first).hasSize(2);
        assertThat(second).isEmpty();
        assertThat(mails()).allSatisfy(m -> assertThat(m.getClaimedBy()).contains("instance-a"));
    }

    @Test
    void aWorkerThatReadTheMailAsFreeLosesTheClaimToTheOneThatTookItFirst() {
        tell(reply("alice"));
        long id = mails().get(0).getId();
        EntityManager late = db().entityManager();
        try {
            late.getTransaction().begin();
            MailQueue lateQueue = new MailQueue(late);
            assertThat(lateQueue.held(id, "instance-b")).isEmpty();
            // instance A claims and commits while B's transaction is open
            assertThat(new TransactionalQueue(db()).claim(id, "instance-a", T0)).isTrue();
            assertThat(lateQueue.claim(id, "instance-b", T0)).isFalse();
            late.getTransaction().commit();
        } finally {
            if (late.getTransaction().isActive()) {
                late.getTransaction().rollback();
            }
            late.close();
        }
        assertThat(mails().get(0).getClaimedBy()).contains("instance-a");
    }

    @Test
    void aClaimNotYetCommittedIsNotTakenByAnotherInstance() throws Exception {
        tell(reply("alice"));
        long id = mails().get(0).getId();
        EntityManager first = db().entityManager();
        CompletableFuture<Boolean> second;
        try {
            first.getTransaction().begin();
            assertThat(new MailQueue(first).claim(id, "instance-a", T0)).isTrue();
            // B tries while A's claim is uncommitted: it waits for A's row lock, then finds the row claimed
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return new TransactionalQueue(db()).claim(id, "instance-b", T0);
                } catch (RuntimeException refusedByTheDatabase) {
                    return false;
                }
            });
            first.getTransaction().commit();
        } finally {
            first.close();
        }
        assertThat(second.get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(mails().get(0).getClaimedBy()).contains("instance-a");
    }

    @Test
    void failedAttemptWaitsItsTurnThenIsClaimedAgain() {
        tell(reply("alice"));
        MailQueue queue = new TransactionalQueue(db());
        long id = queue.claimDue("instance-a", T0, 10).get(0);
        assertThat(queue.failed(id, "instance-a", "Connection refused", T0, RetrySchedule.DEFAULT)).isTrue();
        Mail waiting = mails().get(0);
        assertThat(waiting.getStatus()).isEqualTo(MailStatus.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).contains("Connection refused");
        assertThat(waiting.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(waiting.getClaimedBy()).isEmpty();
        assertThat(queue.claimDue("instance-b", T0.plusSeconds(59), 10)).isEmpty();
        assertThat(queue.claimDue("instance-b", T0.plusSeconds(60), 10)).containsExactly(id);
        assertThat(queue.sent(id, "instance-b", "alice@example.org", T0.plusSeconds(61))).isTrue();
        Mail sent = mails().get(0);
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getSentTo()).contains("alice@example.org");
        assertThat(queue.claimDue("instance-a", T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void claimOfAStoppedInstanceEndsWithItsLease() {
        tell(reply("alice"));
        MailQueue queue = new TransactionalQueue(db());
        long id = queue.claimDue("instance-a", T0, 10).get(0);
        assertThat(queue.claimDue("instance-b", T0.plus(MailQueue.LEASE), 10)).isEmpty();
        Instant afterLease = T0.plus(MailQueue.LEASE).plusSeconds(1);
        assertThat(queue.claimDue("instance-b", afterLease, 10)).containsExactly(id);
        // the first instance comes back: it no longer holds the mail and records nothing
        assertThat(queue.sent(id, "instance-a", "alice@example.org", afterLease)).isFalse();
        assertThat(queue.failed(id, "instance-a", "late", afterLease, RetrySchedule.DEFAULT)).isFalse();
        assertThat(mails().get(0).getClaimedBy()).contains("instance-b");
        assertThat(mails().get(0).getAttempts()).isZero();
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedAndTheOfficeSeesItAndSendsItAgain() {
        tell(reply("alice"), reply("bruno"));
        MailQueue queue = new TransactionalQueue(db());
        RetrySchedule twice = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(1), 2);
        long id = mails().get(0).getId();
        assertThat(queue.claim(id, "w", T0)).isTrue();
        queue.failed(id, "w", "550 mailbox unavailable", T0, twice);
        assertThat(queue.claim(id, "w", T0.plusSeconds(60))).isTrue();
        queue.failed(id, "w", "550 mailbox unavailable", T0.plusSeconds(60), twice);
        Mail failed = mails().get(0);
        assertThat(failed.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(2);
        assertThat(queue.claimDue("w", T0.plus(Duration.ofDays(30)), 10)).doesNotContain(id);

        assertThat(queue.unsent(OFFICE, 50)).extracting(Mail::getId, Mail::getStatus).contains(
                org.assertj.core.groups.Tuple.tuple(id, MailStatus.FAILED));
        assertThat(queue.unsent(OFFICE, 50)).hasSize(2);
        assertThatThrownBy(() -> queue.unsent(ALICE, 50)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> queue.retry(ALICE, id, T0)).isInstanceOf(NotAllowedException.class);

        Mail again = queue.retry(OFFICE, id, T0.plus(Duration.ofDays(1)));
        assertThat(again.getStatus()).isEqualTo(MailStatus.PENDING);
        assertThat(again.getAttempts()).isZero();
        assertThat(queue.claim(id, "w", T0.plus(Duration.ofDays(1)))).isTrue();
        assertThatThrownBy(() -> queue.retry(OFFICE, id, T0)).isInstanceOf(InvalidInputException.class);
    }
}
