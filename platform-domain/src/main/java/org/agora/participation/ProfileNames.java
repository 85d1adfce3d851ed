package org.agora.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModeratedItem;
import org.agora.moderation.ModerationTargets;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotFoundException;

/**
 * Residents' shown names as moderation items (PROFILE_NAME): a name is reported from something its bearer wrote (the
 * comment form's "report the author's name"), and a moderator (the item is city-wide) keeps or hides it. Hidden, it
 * is replaced by {@value #HIDDEN_NAME} in everything the person wrote (comments, ideas, memberships, registrations)
 * and in what they write next ({@link #shownName}); shown again, their next contributions carry their name, while the
 * ones already replaced stay so (the platform keeps no copy of the old name there).
 */
@ApplicationScoped
public class ProfileNames implements ModerationTargets {

    public static final String HIDDEN_NAME = "Nom masqué par la modération";

    /** Every column that shows a person's name, as {table, name column, username column}. */
    static final List<String[]> SHOWN_NAMES = List.of(
            new String[] {"comments", "author_name", "author"},
            new String[] {"council_ideas", "author_name", "author"},
            new String[] {"council_memberships", "display_name", "username"},
            new String[] {"meeting_registrations", "display_name", "username"});

    private EntityManager em;

    protected ProfileNames() {
        // for CDI
    }

    @Inject
    public ProfileNames(EntityManager em) {
        this.em = em;
    }

    /** The item id of this person's name, as seen on this page; made at its first report. */
    @Transactional
    public long itemFor(String username, String shownName, String seenAt) {
        Optional<ProfileName> found = of(username);
        if (found.isPresent()) {
            found.get().seen(shownName, seenAt);
            return found.get().getId();
        }
        ProfileName name = new ProfileName(username, shownName, seenAt);
        em.persist(name);
        Constraints.flush(em, () -> new ConflictException(null, "moderation.case.changedMeanwhile"));
        return name.getId();
    }

    /** The name to show for this person's next contribution: theirs, unless moderation hid it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String shownName(String username, String name) {
        return of(username).filter(ProfileName::isHidden).map(n -> HIDDEN_NAME).orElse(name);
    }

    private Optional<ProfileName> of(String username) {
        return em.createQuery("select n from ProfileName n where n.username = :u", ProfileName.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @Override
    public ItemKind kind() {
        return ItemKind.PROFILE_NAME;
    }

    /** A name is public wherever its bearer wrote: anyone who may report finds it. */
    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return item(id);
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return Optional.ofNullable(em.find(ProfileName.class, id)).map(n -> new ModeratedItem(
                new ItemRef(ItemKind.PROFILE_NAME, n.getId()), n.getUsername(), Optional.empty(), n.getShownName(),
                n.getSeenAt(), n.getVisibility(), Optional.empty()));
    }

    /** Hidden (or held): the name leaves everything the person wrote. */
    @Override
    public void show(long id, Visibility visibility) {
        ProfileName name = Optional.ofNullable(em.find(ProfileName.class, id))
                .orElseThrow(() -> new NotFoundException("moderation.item.notFound", id));
        name.show(visibility);
        if (!visibility.isVisible()) {
            replaceShownName(em, name.getUsername(), HIDDEN_NAME);
        }
    }

    /**
     * Shows {@code shown} instead of the person's name on everything they wrote (comments, ideas, memberships,
     * registrations): moderation hiding a name, an erased account.
     */
    public static void replaceShownName(EntityManager em, String username, String shown) {
        for (String[] column : SHOWN_NAMES) {
            em.createNativeQuery("update " + column[0] + " set " + column[1] + " = ?1 where " + column[2] + " = ?2")
                    .setParameter(1, shown).setParameter(2, username).executeUpdate();
        }
    }
}
