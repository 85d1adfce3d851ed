package org.agora.web.reports;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.kpi.KpiRefresh;

/**
 * Every 10 seconds, applies to the KPIs' kept participation what changed since (the first run builds it). On several
 * instances each tries; the one that finds another refreshing skips its turn. The dashboard does not wait for it: a
 * request reads again from the sources what the refresh has not applied yet.
 */
@Singleton
public class KpiRefreshScheduler {

    private static final Logger LOG = Logger.getLogger(KpiRefreshScheduler.class.getName());

    @Inject
    KpiRefresh refresh;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the refresh is a transaction of its own
    void refreshKeptParticipation() {
        long start = System.nanoTime();
        try {
            long applied = refresh.refresh(Instant.now());
            long millis = (System.nanoTime() - start) / 1_000_000;
            long total = applied;
            if (total > 0 && millis > 1_000) {
                LOG.info(() -> "KPIs: " + total + " change(s) applied to the kept participation in " + millis + " ms");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "KPIs: the kept participation was not refreshed this time; the next run retries", e);
        }
    }
}
