package org.agora.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.moderation.AuditAction;
import org.agora.moderation.AuditLog;
import org.agora.shared.Actor;
import org.agora.shared.MessageKey;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Period;
import org.agora.shared.Role;

/**
 * The retention of inactive accounts' personal data (GDPR article 5(1)(e)): an account not seen for
 * {@code inactiveDays} days has its data erased as if its owner had deleted it ({@link AccountErasure}), one account
 * per transaction, each erasure written to the audit log under the account's new tag (never its username). An
 * account that took part in a vote still open is left for a later run. An account never seen since the platform
 * records activity has no row, so it is never purged by mistake. {@link #plan} is the dry run: who would go today.
 */
@ApplicationScoped
public class RetentionPurge {

    /** The dry run's answer: the day before which an account counts as inactive, and how many there are. */
    public record Plan(LocalDate inactiveBefore, long accounts) {
    }

    private static final Actor RETENTION = new Actor("retention", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    private AccountActivity activity;
    private AccountErasure erasure;
    private AuditLog audit;

    protected RetentionPurge() {
        // for CDI
    }

    @Inject
    public RetentionPurge(AccountActivity activity, AccountErasure erasure, AuditLog audit) {
        this.activity = activity;
        this.erasure = erasure;
        this.audit = audit;
    }

    /** The first day an account must have been seen on to be kept. */
    public static LocalDate inactiveBefore(Instant now, int inactiveDays) {
        return now.atZone(Period.CITY_ZONE).toLocalDate().minusDays(Math.max(1, inactiveDays));
    }

    /** The dry run, for the office: how many accounts a purge would erase now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan plan(Actor staff, Instant now, int inactiveDays) {
        if (!staff.has(Role.OFFICE_ADMIN)) {
            throw new NotAllowedException("privacy.retention.notAllowed");
        }
        LocalDate before = inactiveBefore(now, inactiveDays);
        return new Plan(before, activity.countInactiveSince(before));
    }

    /** How many accounts a purge would erase now (the nightly dry run's log). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Instant now, int inactiveDays) {
        return activity.countInactiveSince(inactiveBefore(now, inactiveDays));
    }

    /** The accounts a purge would erase now, oldest first, at most {@code max} (the scheduler's batch). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> candidates(Instant now, int inactiveDays, int max) {
        return activity.inactiveSince(inactiveBefore(now, inactiveDays), max);
    }

    /**
     * Erases one inactive resident's data in a transaction of its own; empty when done, or why it was left (a vote
     * still open). The caller has checked with Keycloak that the account is not staff.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<MessageKey> purge(String username, Instant now, int inactiveDays) {
        Actor resident = new Actor(username, Set.of(Role.RESIDENT), Optional.empty(), Set.of());
        Optional<MessageKey> why = erasure.whyNot(resident, now);
        if (why.isPresent()) {
            return why;
        }
        String tag = erasure.erase(resident, now);
        audit.append(RETENTION, now, AuditAction.RETENTION_PURGE, "RESIDENT", tag, Optional.empty(),
                "inactive " + inactiveDays + " days", "ACTIVE", "ERASED");
        return Optional.empty();
    }
}
