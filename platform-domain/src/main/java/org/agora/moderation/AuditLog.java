package org.agora.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;

/**
 * The append-only log of moderation acts and review decisions. Acts are appended in the transaction of the act itself
 * (so an act is never without its line, nor a line without its act); the office reads and filters it. Nothing in the
 * application changes or removes a line, and the database refuses to.
 */
@ApplicationScoped
public class AuditLog {

    /** What the office filters on; each part optional. */
    public record Filter(Optional<String> actor, Optional<AuditAction> action, Optional<String> subjectKind,
                         Optional<Instant> from, Optional<Instant> to) {

        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static final int PAGE = 200;

    private EntityManager em;

    protected AuditLog() {
        // for CDI
    }

    @Inject
    public AuditLog(EntityManager em) {
        this.em = em;
    }

    /** Appends one line in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(Actor actor, Instant now, AuditAction action, String subjectKind, String subject,
                             Optional<DistrictCode> district, String reason, String before, String after) {
        AuditEntry entry = new AuditEntry(now, actor.username(), action, subjectKind, subject, district, reason, before,
                after);
        em.persist(entry);
        return entry;
    }

    /** The newest lines first ({@value #PAGE} at most), for the office. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> read(Actor reader, Filter filter) {
        if (!ModerationPermissions.canReadAudit(reader)) {
            throw new NotAllowedException("moderation.audit.notAllowed");
        }
        StringBuilder jpql = new StringBuilder("select a from AuditEntry a where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        filter.actor().filter(s -> !s.isBlank()).ifPresent(a -> {
            jpql.append(" and a.actor = :actor");
            parameters.put("actor", a.strip());
        });
        filter.action().ifPresent(a -> {
            jpql.append(" and a.action = :action");
            parameters.put("action", a.name());
        });
        filter.subjectKind().filter(s -> !s.isBlank()).ifPresent(k -> {
            jpql.append(" and a.subjectKind = :kind");
            parameters.put("kind", k);
        });
        filter.from().ifPresent(f -> {
            jpql.append(" and a.actedAt >= :from");
            parameters.put("from", f.atOffset(java.time.ZoneOffset.UTC));
        });
        filter.to().ifPresent(t -> {
            jpql.append(" and a.actedAt < :to");
            parameters.put("to", t.atOffset(java.time.ZoneOffset.UTC));
        });
        jpql.append(" order by a.actedAt desc, a.id desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class).setMaxResults(PAGE);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
