package org.agora.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;

/**
 * Blocking residents: moderators (and the office) block a person with a reason and unblock them with another, both
 * appended to the audit log. The block lives in the platform's database, read when the request's {@link Actor} is
 * made ({@link #blockedFor}): every capability's permissions then refuse a blocked person's writes.
 */
@ApplicationScoped
@Transactional
public class BlockService {

    private EntityManager em;
    private AuditLog audit;

    protected BlockService() {
        // for CDI
    }

    @Inject
    public BlockService(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    public Block block(Actor moderator, String username, String reason, Instant now) {
        requireAllowed(moderator);
        String who = username(username);
        if (who.equals(moderator.username())) {
            throw new InvalidInputException("username", "moderation.block.self");
        }
        if (em.find(Block.class, who) != null) {
            throw new ConflictException("username", "moderation.block.already", who);
        }
        Block block = new Block(who, reason, moderator.username(), now);
        em.persist(block);
        audit.append(moderator, now, AuditAction.BLOCK, "RESIDENT", who, Optional.empty(), block.getReason(),
                "ACTIVE", "BLOCKED");
        Constraints.flush(em, () -> new ConflictException("username", "moderation.block.already", who));
        return block;
    }

    public void unblock(Actor moderator, String username, String reason, Instant now) {
        requireAllowed(moderator);
        String who = username(username);
        String why = ModerationCase.reason(reason);
        Block block = Optional.ofNullable(em.find(Block.class, who))
                .orElseThrow(() -> new ConflictException("username", "moderation.block.notBlocked", who));
        em.remove(block);
        audit.append(moderator, now, AuditAction.UNBLOCK, "RESIDENT", who, Optional.empty(), why, "BLOCKED", "ACTIVE");
        Constraints.flush(em, () -> new ConflictException("username", "moderation.block.notBlocked", who));
    }

    /** Why this person is blocked, if they are: one read by primary key, made once per request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> blockedFor(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(em.find(Block.class, username)).map(Block::getReason);
    }

    /** The blocked residents, newest first, for those who block. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Block> blocked(Actor moderator) {
        requireAllowed(moderator);
        return em.createQuery("select b from Block b order by b.blockedAt desc", Block.class).getResultList();
    }

    private static void requireAllowed(Actor moderator) {
        if (!ModerationPermissions.canBlock(moderator)) {
            throw new NotAllowedException("moderation.block.notAllowed");
        }
    }

    private static String username(String username) {
        String who = username == null ? "" : username.strip();
        if (who.isEmpty() || who.length() > 100) {
            throw new InvalidInputException("username", "moderation.block.usernameRequired");
        }
        return who;
    }
}
