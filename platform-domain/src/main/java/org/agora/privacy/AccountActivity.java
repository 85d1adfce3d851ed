package org.agora.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * The day each account was last seen ({@code account_activity}), which the retention of inactive accounts reads. A
 * day is written at most once per account: an UPDATE, then an INSERT when there was no row; two instances inserting
 * the same first row at once leave one (the loser's insert finds it and changes nothing).
 */
@ApplicationScoped
public class AccountActivity {

    private EntityManager em;

    protected AccountActivity() {
        // for CDI
    }

    @Inject
    public AccountActivity(EntityManager em) {
        this.em = em;
    }

    /** Records that the account was seen on this day (a later day only moves it forward). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seen(String username, LocalDate day) {
        int updated = em.createNativeQuery("update account_activity set last_seen_on = ?2 where username = ?1"
                        + " and last_seen_on < ?2").setParameter(1, username).setParameter(2, day).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into account_activity (username, last_seen_on) select ?1, ?2"
                            + " where not exists (select 1 from account_activity where username = ?1)")
                    .setParameter(1, username).setParameter(2, day).executeUpdate();
        }
    }

    /** The accounts last seen before this day, oldest first, at most {@code max}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> inactiveSince(LocalDate day, int max) {
        List<?> rows = em.createNativeQuery("select username from account_activity where last_seen_on < ?1"
                + " order by last_seen_on, username").setParameter(1, day).setMaxResults(max).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** How many accounts were last seen before this day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countInactiveSince(LocalDate day) {
        return ((Number) em.createNativeQuery("select count(*) from account_activity where last_seen_on < ?1")
                .setParameter(1, day).getSingleResult()).longValue();
    }
}
