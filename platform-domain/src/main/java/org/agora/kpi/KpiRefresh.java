package org.agora.kpi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Instant;

/**
 * Applies to the KPIs' kept participation what changed since its last refresh ({@link KeptParticipation#refresh}),
 * in a transaction of its own: the scheduled job of every instance calls it, and the one that finds the refresh row
 * locked by another skips its turn.
 */
@ApplicationScoped
public class KpiRefresh {

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private EntityManager em;

    protected KpiRefresh() {
        // for CDI
    }

    @Inject
    public KpiRefresh(EntityManager em) {
        this.em = em;
    }

    /** The changes applied (0: none were waiting), or -1 when another instance was refreshing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long refresh(Instant now) {
        em.createNativeQuery("select count(*) from kpi_refresh").getSingleResult(); // binds the transaction's connection
        Connection connection = em.unwrap(Connection.class);
        return new KeptParticipation(connection).refresh(now, INSTANCE);
    }
}
