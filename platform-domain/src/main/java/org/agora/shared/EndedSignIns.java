package org.agora.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The Keycloak sessions that ended while people were signed in to the platform through them ({@code ended_sign_ins}):
 * the instance Keycloak tells notes the session here, every instance reads what ended since it last looked and ends
 * its own sessions signed in through it. Noting the same session twice (Keycloak retrying, two instances told) is
 * harmless.
 */
@ApplicationScoped
public class EndedSignIns {

    /** The longest a Keycloak session id can be, as the table keeps it. */
    public static final int MAX_ID_LENGTH = 100;

    private EntityManager em;

    protected EndedSignIns() {
        // for CDI
    }

    @Inject
    public EndedSignIns(EntityManager em) {
        this.em = em;
    }

    /** A session ended and when; an id too long to be Keycloak's is refused. */
    public record Ended(String sessionId, Instant at) {
        public Ended {
            if (sessionId == null || sessionId.isBlank() || sessionId.length() > MAX_ID_LENGTH) {
                throw new IllegalArgumentException("not a Keycloak session id: " + sessionId);
            }
        }
    }

    /** Notes that the session ended (once: noting it again keeps the first time). */
    @Transactional
    public void note(Ended ended) {
        em.createNativeQuery("insert into ended_sign_ins (session_id, ended_at) select ?1, ?2 where not exists"
                        + " (select 1 from ended_sign_ins where session_id = ?1)")
                .setParameter(1, ended.sessionId()).setParameter(2, Timestamp.from(ended.at())).executeUpdate();
    }

    /** The sessions that ended at or after {@code since}, oldest first. */
    @Transactional
    public List<Ended> since(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select session_id, ended_at from ended_sign_ins where ended_at >= ?1"
                + " order by ended_at").setParameter(1, Timestamp.from(since)).getResultList();
        return rows.stream().map(r -> new Ended((String) r[0], instant(r[1]))).toList();
    }

    /** Forgets the sessions that ended before {@code before}; returns how many. */
    @Transactional
    public int forget(Instant before) {
        return em.createNativeQuery("delete from ended_sign_ins where ended_at < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time from the database: " + value.getClass());
    }
}
