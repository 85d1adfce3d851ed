package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Transactional;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.agora.budget.vote.BallotCount;
import org.agora.budget.vote.VoteAnnouncements;
import org.agora.consultation.ConsultationAnnouncements;
import org.agora.kpi.KpiRefresh;
import org.agora.newsletter.NewsletterService;
import org.agora.notification.MailQueue;
import org.agora.notification.RetrySchedule;
import org.junit.jupiter.api.Test;

/**
 * What a scheduler runs one batch at a time commits each batch on its own, whatever transaction the caller is in:
 * Payara runs a scheduler's timer method in a transaction whatever its attribute says, so a batch method that only
 * joined it held a whole round in memory (an announcement to 300,000 accounts: 100,000 notifications in one
 * transaction, the 256 MB heap full; measured with bench/exports' data, docs/performance.md). Each of these methods
 * is therefore {@code REQUIRES_NEW}.
 */
class SchedulerBatchesTest {

    private static final List<Method> BATCHES = List.of(
            method(ConsultationAnnouncements.class, "announceNextBatch", Instant.class, int.class),
            method(VoteAnnouncements.class, "announceNextBatch", Instant.class, int.class),
            method(NewsletterService.class, "queueNextBatch", Instant.class, int.class),
            method(BallotCount.class, "unseal", long.class, Instant.class),
            method(KpiRefresh.class, "refresh", Instant.class),
            // the mail worker's steps: a claim is seen by the other instances, and a mail marked sent, as soon as made
            method(MailQueue.class, "claimDue", String.class, Instant.class, int.class),
            method(MailQueue.class, "claim", long.class, String.class, Instant.class),
            method(MailQueue.class, "sent", long.class, String.class, String.class, Instant.class),
            method(MailQueue.class, "failed", long.class, String.class, String.class, Instant.class, RetrySchedule.class),
            method(MailQueue.class, "release", long.class, String.class),
            method(MailQueue.class, "skipped", long.class, String.class, Instant.class));

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no " + name + Arrays.toString(parameters), e);
        }
    }

    @Test
    void eachBatchOfASchedulerIsATransactionOfItsOwn() {
        for (Method batch : BATCHES) {
            Transactional transactional = batch.getAnnotation(Transactional.class);
            assertThat(transactional).as(batch.toString()).isNotNull();
            assertThat(transactional.value()).as(batch.toString()).isEqualTo(Transactional.TxType.REQUIRES_NEW);
        }
    }
}
