package org.agora.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * The register of residents (see {@link Resident}): account holders enlisted from their account when they first sign
 * in or vote; people without an account entered by staff at a desk, after the near-duplicates were shown; desk
 * searches across the register and the directory's accounts; and the traced changes staff make to a district or a
 * birth year. Residents never change their own entry: what they edit in their account afterwards is not read.
 */
@ApplicationScoped
@Transactional
public class ResidentRegister {

    /** How many people a desk search shows at most, from the register and from the directory each. */
    public static final int SEARCH_LIMIT = 20;

    /** How many accounts seen on the register an instance remembers before it forgets them all (about 100 bytes each). */
    private static final int KNOWN_ACCOUNTS = 200_000;

    /** Accounts this instance has seen on the register (see {@link #registration}). */
    private final Set<String> knownAccounts = ConcurrentHashMap.newKeySet();

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    @Inject
    Enlistments enlistments;

    @Inject
    ResidentDirectory directory;

    protected ResidentRegister() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public ResidentRegister(EntityManager em, ResidentDirectory directory) {
        this.em = em;
        this.enlistments = new Enlistments(em);
        this.directory = directory;
    }

    /**
     * The signed-in person's entry, enlisted now from their account (district, birth year, name) if they are not on the
     * register yet. Call it before the caller's transaction reads anything: the enlistment runs in a transaction (and on
     * a pooled connection) of its own, and a request must never hold two connections at once. A birth year is taken
     * from the account once, when the register has none; after that only staff change it.
     */
    public Resident enlisted(Actor actor, Optional<String> fullName, Instant now) {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("budget.vote.signInFirst");
        }
        enlistIfAbsent(actor, fullName, now); // first, before this transaction touches the database (see Enlistments)
        Resident resident = findByAccount(actor.username()).orElseThrow(() -> new IllegalStateException("not enlisted"));
        fullName.ifPresent(resident::named); // a name only when the entry has none (enlisted by a vote through the API)
        declareBirthYear(resident, actor, now);
        return resident;
    }

    /**
     * The signed-in voter's entry as a vote reads it, enlisted first (as {@link #enlisted}) unless this instance has seen
     * the account on the register already; then one statement reads it, in the caller's transaction. Call it before the
     * caller's transaction reads anything, for the same reason. Everything the vote decides on comes from that read,
     * never from what this instance remembers: the accounts it has seen only spare an enlistment that would insert
     * nothing (its own transaction, pooled connection and commit, which cost a fifth of a vote; docs/performance.md).
     */
    public Registration registration(Actor actor, Instant now) {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("budget.vote.signInFirst");
        }
        String account = actor.username();
        if (!knownAccounts.contains(account)) {
            enlistIfAbsent(actor, Optional.empty(), now);
        }
        Optional<Registration> read = Registration.ofAccount(connection(), account);
        if (read.isEmpty()) {
            // seen here, gone now: only when the database was put back from an older copy under a running instance;
            // enlisted again (this once holding two connections), as a first vote would be
            knownAccounts.remove(account);
            enlistIfAbsent(actor, Optional.empty(), now);
            read = Registration.ofAccount(connection(), account);
        }
        Registration registration = read.orElseThrow(() -> new IllegalStateException("not enlisted"));
        remember(account);
        if (registration.birthYear().isEmpty() && actor.birthYear().isPresent()) {
            // the register takes the birth year the account declares, once: through the entity, as enlisted() does
            Resident resident = get(registration.residentId());
            declareBirthYear(resident, actor, now);
            return Registration.of(resident);
        }
        return registration;
    }

    private void enlistIfAbsent(Actor actor, Optional<String> fullName, Instant now) {
        try {
            enlistments.addIfAbsent(Resident.ofAccount(actor.username(), fullName, actor.homeDistrict(), actor.birthYear(),
                    now));
        } catch (PersistenceException e) {
            // enlisted at the same moment by another request: its row is the entry
        }
    }

    private void declareBirthYear(Resident resident, Actor actor, Instant now) {
        if (resident.getBirthYear().isEmpty() && actor.birthYear().isPresent()) {
            resident.bornIn(actor.birthYear().get());
            em.persist(new ResidentChange(resident.getId(), now, actor.username(), ResidentChange.Field.BIRTH_YEAR, null,
                    String.valueOf(actor.birthYear().get()), "declared"));
        }
    }

    /** An entry is never removed from the register: an account seen on it stays on it. Bounded, by forgetting all. */
    private void remember(String account) {
        if (knownAccounts.size() >= KNOWN_ACCOUNTS) {
            knownAccounts.clear();
        }
        knownAccounts.add(account);
    }

    /** The transaction's connection, the persistence context's pending changes written first. */
    private Connection connection() {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("the register is read in a transaction");
        }
        return connection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Resident> findByAccount(String account) {
        return em.createQuery("select r from Resident r where r.account = :a", Resident.class)
                .setParameter("a", account).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Resident get(long id) {
        return Optional.ofNullable(em.find(Resident.class, id))
                .orElseThrow(() -> new NotFoundException("participation.register.notFound", id));
    }

    /**
     * The district the resident had at this moment (a vote's opening): the register's, unless staff moved them since,
     * in which case the first move after the moment tells where they were.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DistrictCode> districtAt(Resident resident, Instant moment) {
        return districtAt(Registration.of(resident), moment);
    }

    /** As {@link #districtAt(Resident, Instant)}, for the entry a vote read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DistrictCode> districtAt(Registration resident, Instant moment) {
        if (!resident.districtChangedAfter(moment)) {
            return resident.district();
        }
        return em.createQuery("select c from ResidentChange c where c.residentId = :r and c.field = :f"
                        + " and c.changedAt > :t order by c.changedAt, c.id", ResidentChange.class)
                .setParameter("r", resident.residentId()).setParameter("f", ResidentChange.Field.DISTRICT)
                .setParameter("t", java.time.OffsetDateTime.ofInstant(moment, java.time.ZoneOffset.UTC))
                .setMaxResults(1).getResultStream().findFirst()
                .map(c -> c.getBefore().flatMap(DistrictCode::parse))
                .orElse(resident.district());
    }

    /**
     * People a desk may be looking for: on the register by name (any order, without accents), account or birth year,
     * and the directory's accounts by username, e-mail address or name that are not on the register yet.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisterEntry> search(Actor staff, String text) {
        requireSearch(staff);
        String query = text == null ? "" : text.strip();
        if (query.length() < 2) {
            throw new InvalidInputException("query", "participation.register.queryTooShort", 2);
        }
        Map<String, RegisterEntry> found = new LinkedHashMap<>();
        for (Resident resident : onRegister(query)) {
            found.put("r" + resident.getId(), RegisterEntry.of(resident));
        }
        for (ResidentDirectory.Account account : directory.search(query, SEARCH_LIMIT)) {
            Optional<Resident> enlisted = findByAccount(account.username());
            // on the register: its entry, under the account's name when the register has none (enlisted by a vote
            // through the API, which carries no name)
            found.put(enlisted.map(r -> "r" + r.getId()).orElse("a" + account.username()),
                    enlisted.map(r -> RegisterEntry.of(r, account.fullName())).orElseGet(() -> RegisterEntry.of(account)));
        }
        return List.copyOf(found.values());
    }

    private List<Resident> onRegister(String query) {
        Set<String> words = NameKey.words(query);
        List<Resident> matches = new ArrayList<>(em.createQuery("select r from Resident r where lower(r.account) = :a"
                        + " or r.nameKey = :k order by r.id", Resident.class)
                .setParameter("a", query.toLowerCase(java.util.Locale.ROOT)).setParameter("k", NameKey.of(query))
                .setMaxResults(SEARCH_LIMIT).getResultList());
        if (!words.isEmpty() && matches.size() < SEARCH_LIMIT) {
            // every word typed appears in the name: "dupont" finds "Marie Dupont" and "Paul Dupont-Martin"
            StringBuilder jpql = new StringBuilder("select r from Resident r where r.nameKey is not null");
            List<String> patterns = new ArrayList<>();
            for (String word : words) {
                jpql.append(" and r.nameKey like :w").append(patterns.size());
                patterns.add("%" + word + "%");
            }
            var q = em.createQuery(jpql.append(" order by r.nameKey, r.id").toString(), Resident.class);
            for (int i = 0; i < patterns.size(); i++) {
                q.setParameter("w" + i, patterns.get(i));
            }
            q.setMaxResults(SEARCH_LIMIT).getResultList().stream()
                    .filter(r -> !matches.contains(r)).limit(SEARCH_LIMIT - matches.size()).forEach(matches::add);
        }
        return matches;
    }

    /**
     * The people already on the register or in the directory who may be the person about to be entered: the same name
     * (any order, without accents), or the same birth date with a name word in common. Staff see them before saving.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisterEntry> nearDuplicates(Actor staff, InPersonResident person) {
        requireSearch(staff);
        Set<String> words = NameKey.words(person.fullName());
        Map<Long, Resident> near = new LinkedHashMap<>();
        em.createQuery("select r from Resident r where r.nameKey = :k or r.birthDate = :d order by r.id", Resident.class)
                .setParameter("k", NameKey.of(person.fullName())).setParameter("d", person.birthDate())
                .setMaxResults(200).getResultList().stream()
                .filter(r -> r.getFullName().map(NameKey::of).filter(NameKey.of(person.fullName())::equals).isPresent()
                        || r.getFullName().map(NameKey::words).filter(w -> w.stream().anyMatch(words::contains)).isPresent())
                .forEach(r -> near.put(r.getId(), r));
        List<RegisterEntry> entries = new ArrayList<>(near.values().stream().map(RegisterEntry::of).toList());
        String nameKey = NameKey.of(person.fullName());
        for (ResidentDirectory.Account account : directory.search(person.fullName(), SEARCH_LIMIT)) {
            boolean sameName = account.fullName().map(NameKey::of).filter(nameKey::equals).isPresent();
            boolean enlisted = findByAccount(account.username()).map(r -> near.containsKey(r.getId())).orElse(false);
            if (sameName && !enlisted) {
                entries.add(RegisterEntry.of(account));
            }
        }
        return entries;
    }

    /**
     * Enters a person without an account, from their papers. Refused while there are near-duplicates staff have not
     * said they checked ({@code duplicatesChecked}): the same person must not be entered twice.
     */
    public Resident enlistInPerson(Actor staff, InPersonResident person, boolean duplicatesChecked, Instant now) {
        RegisterPermissions.whyNotEnlist(staff, person.district()).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        if (!duplicatesChecked && !nearDuplicates(staff, person).isEmpty()) {
            throw new InvalidInputException("fullName", "participation.register.checkNearDuplicates");
        }
        Resident resident = Resident.inPerson(person, now, staff.username());
        em.persist(resident);
        em.flush();
        return resident;
    }

    /**
     * Puts a directory account a desk found on the register (if it is not on it yet), as the account describes it; an
     * entry without a name takes the account's.
     */
    public Resident enlistAccount(Actor staff, String username, Instant now) {
        requireSearch(staff);
        Optional<Resident> enlisted = findByAccount(username);
        if (enlisted.isPresent()) {
            // enlisted by a vote through the API, which carries no name: the account's name, for staff to see
            if (enlisted.get().getFullName().isEmpty()) {
                directory.find(username).flatMap(ResidentDirectory.Account::fullName).ifPresent(enlisted.get()::named);
            }
            return enlisted.get();
        }
        ResidentDirectory.Account account = directory.find(username)
                .orElseThrow(() -> new NotFoundException("participation.register.accountNotFound", username));
        Actor holder = new Actor(account.username(), Set.of(org.agora.shared.Role.RESIDENT), account.district(), Set.of(),
                account.birthYear());
        return enlisted(holder, account.fullName(), now);
    }

    /** Moves a resident to another district, with the reason (a move, a mistake corrected); kept in the trace. */
    public void move(Actor staff, long residentId, DistrictCode to, String reason, Instant now) {
        Resident resident = em.find(Resident.class, residentId, LockModeType.PESSIMISTIC_WRITE);
        if (resident == null) {
            throw new NotFoundException("participation.register.notFound", residentId);
        }
        RegisterPermissions.whyNotChange(staff, resident, Optional.of(to)).ifPresent(why -> {
            throw new NotAllowedException(why);
        });
        String why = reasonOf(reason);
        if (resident.getDistrict().filter(to::equals).isPresent()) {
            return;
        }
        em.persist(new ResidentChange(resident.getId(), now, staff.username(), ResidentChange.Field.DISTRICT,
                resident.getDistrict().map(DistrictCode::value).orElse(null), to.value(), why));
        resident.moveTo(to, now);
    }

    /** Corrects a resident's birth year from their papers, with the reason; kept in the trace. */
    public void correctBirthYear(Actor staff, long residentId, int year, String reason, Instant now) {
        Resident resident = get(residentId);
        RegisterPermissions.whyNotChange(staff, resident, Optional.empty()).ifPresent(why -> {
            throw new NotAllowedException(why);
        });
        if (year < 1900 || year > now.atZone(org.agora.shared.Period.CITY_ZONE).getYear()) {
            throw new InvalidInputException("birthYear", "participation.register.birthYearImpossible");
        }
        String why = reasonOf(reason);
        em.persist(new ResidentChange(resident.getId(), now, staff.username(), ResidentChange.Field.BIRTH_YEAR,
                resident.getBirthYear().map(String::valueOf).orElse(null), String.valueOf(year), why));
        resident.bornIn(year);
    }

    /** The trace of a resident's entry, oldest first, for the staff who may change it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ResidentChange> changes(Actor staff, long residentId) {
        RegisterPermissions.whyNotChange(staff, get(residentId), Optional.empty()).ifPresent(why -> {
            throw new NotAllowedException(why);
        });
        return em.createQuery("select c from ResidentChange c where c.residentId = :r order by c.changedAt, c.id",
                ResidentChange.class).setParameter("r", residentId).getResultList();
    }

    private static String reasonOf(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "participation.register.reasonNeeded");
        }
        if (why.length() > ResidentChange.MAX_REASON) {
            throw new InvalidInputException("reason", "participation.register.reasonTooLong", ResidentChange.MAX_REASON);
        }
        return why;
    }

    private static void requireSearch(Actor staff) {
        if (!RegisterPermissions.canSearch(staff)) {
            throw new NotAllowedException("participation.register.staffOnly");
        }
    }
}
