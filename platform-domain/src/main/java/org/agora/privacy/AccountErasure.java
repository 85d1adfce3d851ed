package org.agora.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.BudgetCall;
import org.agora.participation.ProfileNames;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.MessageKey;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;

/**
 * Erases a resident's personal data when they delete their account (GDPR article 17). What they wrote stays where
 * others answered it (comments, ideas, proposals), signed "{@value #SHOWN_NAME}"; every username in the platform's
 * tables becomes one random tag, which links their former contributions to each other and to nobody; what was only
 * about them goes (notifications and their settings, mails with their address, a moderation block); a non-anonymous
 * consultation response loses its respondent. Ballots are untouched: nothing linked them to the person before, and
 * the register keeps its mark (with the tag) so the count still holds one ballot per voter.
 *
 * <p>Refused for staff accounts (the office manages those) and while a vote the person took part in is open: the
 * register must keep them until it closes, or a new account could vote a second time.
 * The audit log is not changed: it is the city's record of its staff's acts, append-only by design.
 */
@ApplicationScoped
public class AccountErasure {

    /** How an erased person's contributions are signed. */
    public static final String SHOWN_NAME = "Compte supprimé";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Every column that holds a person's username, as {table, column}. */
    private static final List<String[]> USERNAMES = List.of(
            new String[] {"comments", "author"},
            new String[] {"project_authors", "author"},
            new String[] {"project_supports", "supporter"},
            new String[] {"consultation_participations", "respondent"},
            new String[] {"council_memberships", "changed_by"},
            new String[] {"council_memberships", "username"},
            new String[] {"meeting_registrations", "username"},
            new String[] {"council_ideas", "closed_by"},
            new String[] {"council_ideas", "author"},
            new String[] {"council_idea_supports", "supporter"},
            new String[] {"council_news", "published_by"},
            new String[] {"council_documents", "published_by"},
            new String[] {"documents", "uploaded_by"},
            new String[] {"meeting_minutes_files", "uploaded_by"},
            new String[] {"council_meetings", "created_by"},
            new String[] {"council_meetings", "minutes_published_by"},
            new String[] {"council_meetings", "cancelled_by"},
            new String[] {"moderation_reports", "reporter"},
            new String[] {"moderation_cases", "author"},
            new String[] {"residents", "account"},
            // the KPIs' kept participation: last, after the triggers of the updates above noted the old name
            new String[] {"kpi_people", "person"},
            new String[] {"kpi_changes", "person"});

    /** What is only about the person, as {table, username column}: deleted. */
    private static final List<String[]> ONLY_THEIRS = List.of(
            new String[] {"notification_choices", "person"},
            new String[] {"followed_themes", "person"},
            new String[] {"notification_preferences", "person"},
            new String[] {"notifications", "recipient"},
            new String[] {"mails", "recipient"},
            new String[] {"resident_blocks", "username"},
            new String[] {"council_animators", "username"},
            new String[] {"terms_consents", "username"},
            new String[] {"profile_names", "username"},
            new String[] {"account_activity", "username"});

    private EntityManager em;

    protected AccountErasure() {
        // for CDI
    }

    @Inject
    public AccountErasure(EntityManager em) {
        this.em = em;
    }

    /** Why this person may not erase their account now (a message key with its values), or empty when they may. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MessageKey> whyNot(Actor actor, Instant now) {
        if (!actor.isSignedIn()) {
            return Optional.of(new MessageKey("privacy.signIn", List.of()));
        }
        if (actor.roles().stream().anyMatch(role -> role != Role.RESIDENT)) {
            return Optional.of(new MessageKey("privacy.erase.staff", List.of()));
        }
        List<?> calls = em.createNativeQuery("select distinct m.call_id from vote_marks m join residents r"
                + " on r.id = m.resident_id where r.account = ?1").setParameter(1, actor.username()).getResultList();
        for (Object id : calls) {
            BudgetCall call = em.find(BudgetCall.class, ((Number) id).longValue());
            Instant closes = call.getPhases().vote().end();
            if (now.isBefore(closes)) {
                return Optional.of(new MessageKey("privacy.erase.voteOpen", List.of(call.getName(), closes)));
            }
        }
        return Optional.empty();
    }

    /**
     * Erases the person's data in the caller's transaction; returns the tag that now stands for them. Doing it again
     * finds nothing left to erase.
     */
    @Transactional
    public String erase(Actor actor, Instant now) {
        whyNot(actor, now).ifPresent(why -> {
            if (why.key().equals("privacy.signIn") || why.key().equals("privacy.erase.staff")) {
                throw new NotAllowedException(why.key());
            }
            throw new ConflictException(null, why.key(), why.arguments().toArray());
        });
        String me = actor.username();
        String tag = "deleted-" + HexFormat.of().formatHex(bytes());
        ProfileNames.replaceShownName(em, me, SHOWN_NAME);
        update("update responses set respondent = null where respondent = ?1", me);
        update("update residents set full_name = null, name_key = null, birth_date = null, birth_year = null"
                + " where account = ?1", me);
        for (String[] column : USERNAMES) {
            update("update " + column[0] + " set " + column[1] + " = ?2 where " + column[1] + " = ?1", me, tag);
        }
        for (String[] theirs : ONLY_THEIRS) {
            update("delete from " + theirs[0] + " where " + theirs[1] + " = ?1", me);
        }
        return tag;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
