package org.agora.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.agora.kpi.Participant.Capability;
import org.agora.shared.Period;

/**
 * The KPIs' kept participation (migration V33): who took part on each day (Paris time) and in each budget call, as
 * packed sets of people's numbers, a few additive counts per day, and the register's entries packed in one row; the
 * database's triggers note in {@code kpi_changes} every day, call act and register entry whose sources changed since.
 *
 * <p>Reading ({@link #read}) takes the kept rows of what did not change and reads the sources again, in memory, for
 * what did: the figures are those of the sources at that moment, whether the refresh has run or not. The refresh
 * ({@link #refresh}: the scheduled job of each instance, one at a time through a row lock that the others skip) writes
 * the same in-memory result back and removes the changes it applied. Sources are read per day and per call, with
 * their indexes, never the whole history but on the first build.
 */
final class KeptParticipation {

    /** More changes waiting than this: a reading does not hold them in memory but reads the sources instead. */
    static final int READ_LIMIT = 20_000;

    /** More changed people than this in one call's set: the call is read again whole rather than person by person. */
    static final int PATCH_LIMIT = 2_000;
    private static final int CHUNK = 500;
    private static final String PERSON_OF_RESIDENT = "coalesce(r.account, concat('register:', cast(r.id as varchar(20))))";

    /** The dated acts, in the order the figures have always read them. */
    private static final List<Source> DATED = List.of(
            new Source(Capability.CONSULTATION, "select p.person_no, r.respondent, r.district_code from responses r"
                    + " join consultations x on x.id = r.consultation_id left join kpi_people p on p.person = r.respondent"
                    + " where r.status = 'SUBMITTED' and r.respondent is not null and x.anonymous = false"
                    + " and r.submitted_at >= ? and r.submitted_at < ?"),
            new Source(Capability.BUDGET_PROJECT, "select p.person_no, a.author, null from project_authors a"
                    + " join budget_projects x on x.id = a.project_id left join kpi_people p on p.person = a.author"
                    + " where x.submitted_at >= ? and x.submitted_at < ?"),
            new Source(Capability.COMMENT, "select p.person_no, c.author, null from comments c"
                    + " left join kpi_people p on p.person = c.author where c.created_at >= ? and c.created_at < ?"),
            new Source(Capability.COUNCIL, "select p.person_no, m.username, null from council_memberships m"
                    + " left join kpi_people p on p.person = m.username"
                    + " where m.status <> 'REFUSED' and m.asked_at >= ? and m.asked_at < ?"),
            new Source(Capability.COUNCIL, "select p.person_no, g.username, null from meeting_registrations g"
                    + " left join kpi_people p on p.person = g.username"
                    + " where g.status <> 'CANCELLED' and g.registered_at >= ? and g.registered_at < ?"));

    /** The names the dated acts carry (to number them before a refresh writes them). */
    private static final List<String> DATED_NAMES = List.of(
            "select r.respondent as name from responses r where r.status = 'SUBMITTED' and r.respondent is not null"
                    + " and r.submitted_at >= ? and r.submitted_at < ?",
            "select a.author as name from project_authors a join budget_projects x on x.id = a.project_id"
                    + " where x.submitted_at >= ? and x.submitted_at < ?",
            "select c.author as name from comments c where c.created_at >= ? and c.created_at < ?",
            "select m.username as name from council_memberships m where m.asked_at >= ? and m.asked_at < ?",
            "select g.username as name from meeting_registrations g where g.registered_at >= ? and g.registered_at < ?");

    private static final String COMMENT_DISTRICT = "select " + CommentItems.DISTRICT + ", count(*)" + CommentItems.FROM
            + " where c.created_at >= ? and c.created_at < ? group by " + CommentItems.DISTRICT;

    private final Connection connection;
    private final int patchLimit;

    KeptParticipation(Connection connection) {
        this(connection, PATCH_LIMIT);
    }

    /** With another limit past which a changed call or register is read whole (0: always; for the tests). */
    KeptParticipation(Connection connection, int patchLimit) {
        this.connection = connection;
        this.patchLimit = patchLimit;
    }

    /** A source of dated acts: rows of (kept number or null, name, district recorded) between two instants. */
    private record Source(Capability capability, String sql) {
    }

    /** The acts and additive counts of one day, read from the sources; numbers are -1 for names not yet numbered. */
    private record Day(Map<Capability, List<Named>> acts, Map<String, Long> counts) {
    }

    private record Named(int number, String name, String district) {
    }

    /** A budget call's set of one capability, by the call's id. */
    private record CallSet(long call, Capability capability) {
    }

    /** What changed since the kept rows were written. */
    private static final class Changes {
        final LongList ids = new LongList();
        final Set<LocalDate> days = new TreeSet<>();
        final Map<CallSet, Set<String>> calls = new HashMap<>();
        final Set<String> people = new HashSet<>();
        /** Calls changed for so many people that they are read again whole (their changes' ids alone kept). */
        final Set<CallSet> wholeCalls = new HashSet<>();
        /** The register changed for so many people that it is read again whole. */
        boolean wholeRegister;

        boolean isEmpty() {
            return ids.size() == 0;
        }
    }

    /** What the figures count, as the sources say now: everyone known, every act of the period, the day counts. */
    record Reading(KpiPeople people, LongList acts, Map<String, Long> counts, Map<String, Long> allDaysCounts,
                   Map<Long, Map<String, Long>> ballots) {

        /** The ballots of an envelope per channel (ONLINE, DESK, PAPER), as the register's vote marks say now. */
        Map<String, Long> ballotsOf(long envelope) {
            return ballots.getOrDefault(envelope, Map.of());
        }
    }

    /** Whether the kept rows were ever built. */
    boolean isBuilt() {
        return exists("select 1 from kpi_register where id = 1");
    }

    /**
     * The people and acts of the period: kept rows where nothing changed, the sources where something did. Counts:
     * the additive counts of the period's days, and of all days for the subjects starting with one of
     * {@code allDaysPrefixes}.
     */
    Reading read(KpiQuery query, LocalDate firstMonday, List<String> allDaysPrefixes) {
        Changes changes = allChangesUpTo(READ_LIMIT);
        if (changes == null) {
            return null; // a backlog the refresh has not applied yet (a bulk load): the sources are read instead
        }
        KpiPeople people = register();
        patchRegister(people, changes.people, false);
        LongList acts = new LongList();
        LocalDate from = query.from();
        LocalDate to = query.to();

        // dated acts: kept days, then the changed days of the period read again
        Map<LocalDate, Map<Capability, byte[]>> kept = keptDays(from, to);
        Set<LocalDate> changed = new TreeSet<>();
        for (LocalDate d : changes.days) {
            if (!d.isBefore(from) && !d.isAfter(to)) {
                changed.add(d);
            }
        }
        Map<LocalDate, Day> fresh = new TreeMap<>();
        for (LocalDate d : changed) {
            fresh.put(d, day(d));
        }
        // one inflater and buffer for every kept set the reading decodes
        try (PackedPeople.Reader reader = new PackedPeople.Reader()) {
            for (Capability capability : List.of(Capability.CONSULTATION, Capability.BUDGET_PROJECT)) {
                addDated(reader, acts, people, capability, kept, fresh, changed, firstMonday);
            }
            // undated acts: supports and ballots of the calls whose phases overlap the period
            List<long[]> calls = calls(query);
            for (Capability capability : List.of(Capability.BUDGET_PROJECT, Capability.BUDGET_VOTE)) {
                for (long[] call : calls) {
                    if (call[capability == Capability.BUDGET_PROJECT ? 1 : 2] == 1) {
                        CallSet key = new CallSet(call[0], capability);
                        if (!changes.calls.containsKey(key)) {
                            // nothing changed: the kept set as it inflates
                            byte[] packed = bytes("select people from kpi_call_acts where call_id = ? and capability = ?",
                                    key.call, key.capability.name());
                            if (packed != null) {
                                reader.forEach(packed, (number, district) -> acts.add(Act.of(people.act(number,
                                        district), capability, Act.NO_WEEK)));
                            }
                            continue;
                        }
                        List<Named> read = new ArrayList<>();
                        PackedPeople set = callSet(new CallSet(call[0], capability), changes, read);
                        for (int i = 0; i < set.size(); i++) {
                            acts.add(Act.of(people.act(set.number(i), set.district(i)), capability, Act.NO_WEEK));
                        }
                        addCall(acts, people, read.toArray(Named[]::new), capability);
                    }
                }
            }
            for (Capability capability : List.of(Capability.COMMENT, Capability.COUNCIL)) {
                addDated(reader, acts, people, capability, kept, fresh, changed, firstMonday);
            }
        }

        Map<String, Long> counts = keptCounts("act_day >= ? and act_day <= ?", List.of(from, to), changed);
        fresh.values().forEach(day -> day.counts.forEach((subject, n) -> counts.merge(subject, n, Long::sum)));
        Map<String, Long> allDays = new HashMap<>();
        if (!allDaysPrefixes.isEmpty()) {
            allDays = keptCounts("(" + String.join(" or ", java.util.Collections.nCopies(allDaysPrefixes.size(),
                    "subject like ?")) + ")", allDaysPrefixes.stream().map(prefix -> prefix + "%").toList(), changes.days);
            for (LocalDate d : changes.days) {
                Day day = fresh.containsKey(d) ? fresh.get(d) : day(d);
                for (Map.Entry<String, Long> count : day.counts.entrySet()) {
                    if (allDaysPrefixes.stream().anyMatch(count.getKey()::startsWith)) {
                        allDays.merge(count.getKey(), count.getValue(), Long::sum);
                    }
                }
            }
        }
        return new Reading(people, acts, counts, allDays, ballots(changes));
    }

    /**
     * The ballots per envelope and channel (V34): the kept counts of the calls whose vote marks did not change, the
     * marks of the others counted again.
     */
    private Map<Long, Map<String, Long>> ballots(Changes changes) {
        Set<Long> changed = new HashSet<>();
        changes.calls.keySet().stream().filter(k -> k.capability == Capability.BUDGET_VOTE).forEach(k -> changed.add(k.call));
        Map<Long, Map<String, Long>> ballots = new HashMap<>();
        RowReader add = r -> ballots.computeIfAbsent(r.getLong(1), e -> new HashMap<>()).merge(r.getString(2), r.getLong(3),
                Long::sum);
        query("select envelope_id, channel, n, call_id from kpi_call_ballots", r -> {
            if (!changed.contains(r.getLong(4))) {
                add.read(r);
            }
        });
        for (long call : changed) {
            query(BALLOTS_OF_CALL, add, call);
        }
        return ballots;
    }

    private static final String BALLOTS_OF_CALL = "select envelope_id, channel, count(*), call_id from vote_marks"
            + " where call_id = ? group by call_id, envelope_id, channel";

    private void addDated(PackedPeople.Reader reader, LongList acts, KpiPeople people, Capability capability,
                          Map<LocalDate, Map<Capability, byte[]>> kept, Map<LocalDate, Day> fresh,
                          Set<LocalDate> changed, LocalDate firstMonday) {
        TreeSet<LocalDate> days = new TreeSet<>(kept.keySet());
        days.addAll(fresh.keySet());
        for (LocalDate d : days) {
            int week = (int) (ChronoUnit.DAYS.between(firstMonday, d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) / 7);
            if (changed.contains(d)) {
                for (Named act : fresh.get(d).acts.getOrDefault(capability, List.of())) {
                    int person = act.number >= 0 ? people.act(act.number, act.district) : people.act(act.name, act.district);
                    acts.add(Act.of(person, capability, week));
                }
            } else {
                byte[] set = kept.get(d).get(capability);
                if (set != null) {
                    reader.forEach(set, (number, district) -> acts.add(Act.of(people.act(number, district),
                            capability, week)));
                }
            }
        }
    }

    private static void addCall(LongList acts, KpiPeople people, Named[] set, Capability capability) {
        for (Named act : set) {
            int person = act.number >= 0 ? people.act(act.number, act.district) : people.act(act.name, act.district);
            acts.add(Act.of(person, capability, Act.NO_WEEK));
        }
    }

    /** The calls: id, whether its submission-to-review phases overlap the period (supports), whether its vote does. */
    private List<long[]> calls(KpiQuery query) {
        List<long[]> calls = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("select id, submission_start < ? and review_end > ?,"
                + " vote_start < ? and vote_end > ? from budget_calls order by id")) {
            s.setObject(1, utc(query.end()));
            s.setObject(2, utc(query.start()));
            s.setObject(3, utc(query.end()));
            s.setObject(4, utc(query.start()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    calls.add(new long[] {r.getLong(1), r.getBoolean(2) ? 1 : 0, r.getBoolean(3) ? 1 : 0});
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return calls;
    }

    /**
     * A call's set as the sources say now: the kept set with its changed people read again, or the whole call read
     * again when many changed. Numbers are those of {@code kpi_people}, or -1 with the name.
     */
    private Named[] callSet(CallSet key, Changes changes, KpiPeople people) {
        List<Named> named = new ArrayList<>();
        PackedPeople kept = callSet(key, changes, named);
        Named[] all = new Named[kept.size() + named.size()];
        for (int i = 0; i < kept.size(); i++) {
            all[i] = new Named(kept.number(i), null, kept.district(i));
        }
        for (int i = 0; i < named.size(); i++) {
            all[kept.size() + i] = named.get(i);
        }
        return all;
    }

    /**
     * A call's set as the sources say now: the kept set without its changed people (returned), and those people as the
     * sources name them now (added to {@code fresh}); or the whole call read again (into {@code fresh}) when many
     * changed or nothing was kept.
     */
    private PackedPeople callSet(CallSet key, Changes changes, List<Named> fresh) {
        Set<String> changed = changes.calls.getOrDefault(key, Set.of());
        byte[] packed = bytes("select people from kpi_call_acts where call_id = ? and capability = ?", key.call,
                key.capability.name());
        if (packed == null && changed.isEmpty()) {
            return PackedPeople.NONE;
        }
        if (packed == null || changed.size() > patchLimit) {
            fresh.addAll(readCall(key, null));
            return PackedPeople.NONE;
        }
        PackedPeople set = PackedPeople.unpack(packed);
        if (changed.isEmpty()) {
            return set;
        }
        Set<Integer> removed = new HashSet<>(numbers(changed).values());
        PackedPeople.Builder kept = new PackedPeople.Builder();
        for (int i = 0; i < set.size(); i++) {
            if (!removed.contains(set.number(i))) {
                kept.add(set.number(i), set.district(i));
            }
        }
        fresh.addAll(readCall(key, changed));
        return kept.build();
    }

    /** A call's supporters or voters (only those named, if {@code only} is given), read from the sources. */
    private List<Named> readCall(CallSet key, Set<String> only) {
        List<Named> named = new ArrayList<>();
        List<List<String>> chunks = only == null ? java.util.Collections.singletonList(null) : chunks(only);
        for (List<String> chunk : chunks) {
            String sql;
            if (key.capability == Capability.BUDGET_PROJECT) {
                sql = "select p.person_no, s.supporter, null from project_supports s"
                        + " join budget_projects x on x.id = s.project_id join envelopes e on e.id = x.envelope_id"
                        + " left join kpi_people p on p.person = s.supporter where e.call_id = ?"
                        + (chunk == null ? "" : " and " + inList("s.supporter", chunk.size()));
            } else {
                sql = "select p.person_no, " + PERSON_OF_RESIDENT + ", case when m.scope = 'DISTRICT' then e.district_code end"
                        + " from vote_marks m join residents r on r.id = m.resident_id join envelopes e on e.id = m.envelope_id"
                        + " left join kpi_people p on p.person = " + PERSON_OF_RESIDENT + " where m.call_id = ?"
                        + (chunk == null ? "" : " and " + PERSON_OF_RESIDENT + " in (" + marks(chunk.size()) + ")");
            }
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setLong(1, key.call);
                if (chunk != null) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 2, chunk.get(i));
                    }
                }
                s.setFetchSize(5000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int number = r.getInt(1);
                        boolean unnumbered = r.wasNull();
                        named.add(new Named(unnumbered ? -1 : number, unnumbered ? r.getString(2) : null, r.getString(3)));
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        return named;
    }

    /** One day's acts and counts, read from the sources. */
    private Day day(LocalDate day) {
        OffsetDateTime start = utc(day.atStartOfDay(Period.CITY_ZONE).toInstant());
        OffsetDateTime end = utc(day.plusDays(1).atStartOfDay(Period.CITY_ZONE).toInstant());
        Map<Capability, List<Named>> acts = new EnumMap<>(Capability.class);
        for (Source source : DATED) {
            List<Named> list = acts.computeIfAbsent(source.capability, c -> new ArrayList<>());
            query(source.sql, r -> {
                int number = r.getInt(1);
                boolean unnumbered = r.wasNull();
                list.add(new Named(unnumbered ? -1 : number, unnumbered ? r.getString(2) : null, r.getString(3)));
            }, start, end);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        query("select consultation_id, count(*) from responses where status = 'SUBMITTED' and submitted_at >= ?"
                + " and submitted_at < ? group by consultation_id", r -> counts.put("responses:" + r.getLong(1), r.getLong(2)),
                start, end);
        query("select r.consultation_id, a.question_code, count(distinct a.response_id) from response_answers a"
                + " join responses r on r.id = a.response_id where r.status = 'SUBMITTED' and r.submitted_at >= ?"
                + " and r.submitted_at < ? group by r.consultation_id, a.question_code",
                r -> counts.put("answered:" + r.getLong(1) + ":" + r.getString(2), r.getLong(3)), start, end);
        query(COMMENT_DISTRICT, r -> counts.put("comments:" + (r.getString(1) == null ? "-" : r.getString(1)), r.getLong(2)),
                start, end);
        return new Day(acts, counts);
    }

    /** The register's entries, as last kept (people numbered as in {@code kpi_people}). */
    private KpiPeople register() {
        byte[] packed = bytes("select people from kpi_register where id = 1");
        return packed == null ? new KpiPeople() : PackedPeople.unpackRegister(packed);
    }

    /**
     * The register's entries of the changed people, read again: each changed name is first taken off the register,
     * then given the entry that bears it now, if any. With {@code numbered}, names get a number in kpi_people first.
     */
    private void patchRegister(KpiPeople people, Set<String> changed, boolean numbered) {
        if (changed.isEmpty()) {
            return;
        }
        if (numbered) {
            number(changed);
        }
        numbers(changed).values().forEach(people::notOnRegister);
        for (List<String> chunk : chunks(changed)) {
            List<Long> ids = new ArrayList<>();
            List<String> accounts = new ArrayList<>();
            for (String name : chunk) {
                if (name.startsWith("register:")) {
                    try {
                        ids.add(Long.parseLong(name.substring("register:".length())));
                    } catch (NumberFormatException e) {
                        accounts.add(name);
                    }
                } else {
                    accounts.add(name);
                }
            }
            StringBuilder sql = new StringBuilder("select p.person_no, " + PERSON_OF_RESIDENT + ", r.account, r.district_code,"
                    + " r.birth_year, r.enlisted_at from residents r left join kpi_people p on p.person = " + PERSON_OF_RESIDENT
                    + " where 1 = 0");
            if (!accounts.isEmpty()) {
                sql.append(" or ").append(inList("r.account", accounts.size()));
            }
            if (!ids.isEmpty()) {
                sql.append(" or (r.account is null and ").append(inList("r.id", ids.size())).append(')');
            }
            List<Object> values = new ArrayList<>(accounts);
            values.addAll(ids);
            query(sql.toString(), r -> {
                int number = r.getInt(1);
                int person = r.wasNull() ? people.number(r.getString(2)) : number;
                int birthYear = r.getInt(5);
                Integer year = r.wasNull() ? null : birthYear;
                people.onRegister(person, r.getString(3) != null, r.getString(4), year,
                        r.getTimestamp(6).toInstant().toEpochMilli());
            }, values.toArray());
        }
    }

    // --- the refresh ---

    /**
     * Applies the changes noted since the last refresh to the kept rows (builds them all the first time), unless
     * another instance is refreshing: then nothing is done. Returns the changes applied, or -1 when skipped.
     */
    long refresh(Instant now, String instance) {
        List<Object> lock = new ArrayList<>();
        query("select id from kpi_refresh where id = 1 for update skip locked", r -> lock.add(r.getInt(1)));
        if (lock.isEmpty()) {
            if (exists("select 1 from kpi_refresh where id = 1")) {
                return -1; // another instance is refreshing
            }
            update("insert into kpi_refresh (id) values (1)"); // emptied by hand (tests): the lock is this new row
        }
        boolean built = isBuilt();
        // the first build reads every source whole: the changes waiting are only to be removed (their ids kept)
        Changes changes = built ? pendingForRefresh() : allChangeIds();
        if (built && changes.isEmpty()) {
            return 0;
        }
        Set<LocalDate> days = built ? changes.days : allDays();
        Set<CallSet> calls = new HashSet<>(changes.calls.keySet());
        calls.addAll(changes.wholeCalls);
        if (!built) {
            update("delete from kpi_call_ballots"); // every call's written again below (a call gone leaves none)
            query("select id from budget_calls", r -> {
                calls.add(new CallSet(r.getLong(1), Capability.BUDGET_PROJECT));
                calls.add(new CallSet(r.getLong(1), Capability.BUDGET_VOTE));
            });
        }
        // many register entries changed (a bulk load): the register is read again whole, in two statements
        boolean wholeRegister = !built || changes.wholeRegister;
        if (wholeRegister) {
            update("insert into kpi_people (person) select distinct " + PERSON_OF_RESIDENT + " from residents r"
                    + " where not exists (select 1 from kpi_people p where p.person = " + PERSON_OF_RESIDENT + ")");
        }

        // name everyone the changed sources name, then read them again with their numbers
        numberDays(days);
        for (CallSet call : calls) {
            numberCall(call);
        }
        if (!wholeRegister && !changes.people.isEmpty()) {
            number(changes.people);
        }
        for (LocalDate d : days) {
            Day day = day(d);
            update("delete from kpi_day_acts where act_day = ?", d);
            update("delete from kpi_day_counts where act_day = ?", d);
            for (Map.Entry<Capability, List<Named>> e : day.acts.entrySet()) {
                PackedPeople.Builder set = new PackedPeople.Builder();
                e.getValue().forEach(a -> set.add(numberOf(a), a.district));
                if (!set.isEmpty()) {
                    update("insert into kpi_day_acts (act_day, capability, people) values (?, ?, ?)", d, e.getKey().name(),
                            set.build().pack());
                }
            }
            for (Map.Entry<String, Long> e : day.counts.entrySet()) {
                update("insert into kpi_day_counts (act_day, subject, n) values (?, ?, ?)", d, e.getKey(), e.getValue());
            }
        }
        // the register's row is written again only when entries changed (someone numbered since, not on the register,
        // reads as such: past the row's end)
        boolean registerChanged = wholeRegister || !changes.people.isEmpty();
        KpiPeople people = !registerChanged ? null : wholeRegister ? new KpiPeople() : register();
        for (CallSet call : calls) {
            Named[] named = built && !changes.wholeCalls.contains(call) ? callSet(call, changes, people)
                    : readCall(call, null).toArray(Named[]::new);
            PackedPeople.Builder set = new PackedPeople.Builder();
            for (Named n : named) {
                set.add(numberOf(n), n.district);
            }
            update("delete from kpi_call_acts where call_id = ? and capability = ?", call.call, call.capability.name());
            if (call.capability == Capability.BUDGET_VOTE) {
                update("delete from kpi_call_ballots where call_id = ?", call.call);
                update("insert into kpi_call_ballots (envelope_id, channel, n, call_id) " + BALLOTS_OF_CALL, call.call);
            }
            if (!set.isEmpty()) {
                update("insert into kpi_call_acts (call_id, capability, people) values (?, ?, ?)", call.call,
                        call.capability.name(), set.build().pack());
            }
        }
        if (!registerChanged) {
            // nothing to write for the register
        } else if (!wholeRegister) {
            patchRegister(people, changes.people, true);
        } else {
            query("select p.person_no, r.account, r.district_code, r.birth_year, r.enlisted_at from residents r"
                    + " join kpi_people p on p.person = " + PERSON_OF_RESIDENT, r -> {
                int number = r.getInt(1);
                int birthYear = r.getInt(4);
                Integer year = r.wasNull() ? null : birthYear;
                people.onRegister(number, r.getString(2) != null, r.getString(3), year,
                        r.getTimestamp(5).toInstant().toEpochMilli());
            });
        }
        if (registerChanged || !built) {
            KpiPeople entries = people == null ? new KpiPeople() : people;
            List<Object> max = new ArrayList<>();
            query("select max(person_no) from kpi_people", r -> max.add(r.getInt(1)));
            int highest = max.isEmpty() ? 0 : (Integer) max.get(0);
            if (highest >= entries.size()) {
                entries.notOnRegister(highest); // everyone numbered, on the register or not
            }
            byte[] packed = PackedPeople.packRegister(entries);
            if (update("update kpi_register set people = ?, refreshed_at = ? where id = 1", packed, utc(now)) == 0) {
                update("insert into kpi_register (id, people, refreshed_at) values (1, ?, ?)", packed, utc(now));
            }
        }
        // exactly the changes read: runs of consecutive ids (a change committed meanwhile under a lower id stays)
        long[] ids = new long[changes.ids.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = changes.ids.get(i);
        }
        java.util.Arrays.sort(ids);
        for (int i = 0; i < ids.length; ) {
            int j = i;
            while (j + 1 < ids.length && ids[j + 1] == ids[j] + 1) {
                j++;
            }
            update("delete from kpi_changes where id >= ? and id <= ?", ids[i], ids[j]);
            i = j + 1;
        }
        update("update kpi_refresh set refreshed_at = ?, refreshed_by = ?, changes_applied = changes_applied + ?"
                + " where id = 1", utc(now), instance, (long) changes.ids.size());
        return changes.ids.size();
    }

    /** Every day some dated act happened, from the first to the last. */
    private Set<LocalDate> allDays() {
        Set<LocalDate> days = new TreeSet<>();
        List<Instant> bounds = new ArrayList<>();
        for (String sql : List.of("select min(submitted_at), max(submitted_at) from responses",
                "select min(submitted_at), max(submitted_at) from budget_projects",
                "select min(created_at), max(created_at) from comments",
                "select min(asked_at), max(asked_at) from council_memberships",
                "select min(registered_at), max(registered_at) from meeting_registrations")) {
            query(sql, r -> {
                if (r.getTimestamp(1) != null) {
                    bounds.add(r.getTimestamp(1).toInstant());
                    bounds.add(r.getTimestamp(2).toInstant());
                }
            });
        }
        if (bounds.isEmpty()) {
            return days;
        }
        LocalDate first = bounds.stream().min(Instant::compareTo).orElseThrow().atZone(Period.CITY_ZONE).toLocalDate();
        LocalDate last = bounds.stream().max(Instant::compareTo).orElseThrow().atZone(Period.CITY_ZONE).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private void numberDays(Set<LocalDate> days) {
        if (days.isEmpty()) {
            return;
        }
        // one pass over the changed days' span per source (a few queries, not one per day)
        LocalDate first = days.iterator().next();
        LocalDate last = ((TreeSet<LocalDate>) days).last();
        OffsetDateTime start = utc(first.atStartOfDay(Period.CITY_ZONE).toInstant());
        OffsetDateTime end = utc(last.plusDays(1).atStartOfDay(Period.CITY_ZONE).toInstant());
        for (String names : DATED_NAMES) {
            update("insert into kpi_people (person) select distinct n.name from (" + names + ") n where not exists (select 1 from kpi_people p where p.person = n.name)", start, end);
        }
    }

    private void numberCall(CallSet call) {
        if (call.capability == Capability.BUDGET_PROJECT) {
            update("insert into kpi_people (person) select distinct s.supporter from project_supports s"
                    + " join budget_projects x on x.id = s.project_id join envelopes e on e.id = x.envelope_id"
                    + " where e.call_id = ? and not exists (select 1 from kpi_people p where p.person = s.supporter)", call.call);
        } else {
            update("insert into kpi_people (person) select distinct " + PERSON_OF_RESIDENT + " from vote_marks m"
                    + " join residents r on r.id = m.resident_id where m.call_id = ? and not exists"
                    + " (select 1 from kpi_people p where p.person = " + PERSON_OF_RESIDENT + ")", call.call);
        }
    }

    /** The kept number of an act's person, given now if a source changed since the names were numbered. */
    private int numberOf(Named act) {
        if (act.number >= 0) {
            return act.number;
        }
        number(Set.of(act.name));
        return numbers(Set.of(act.name)).get(act.name);
    }

    /** Gives every name a number in kpi_people. */
    private void number(Set<String> names) {
        Map<String, Integer> known = numbers(names);
        for (String name : names) {
            if (!known.containsKey(name)) {
                update("insert into kpi_people (person) values (?)", name);
            }
        }
    }

    /** The kept numbers of these names (those that have one). */
    private Map<String, Integer> numbers(Set<String> names) {
        Map<String, Integer> numbers = new HashMap<>();
        for (List<String> chunk : chunks(names)) {
            query("select person, person_no from kpi_people where " + inList("person", chunk.size()),
                    r -> numbers.put(r.getString(1), r.getInt(2)), chunk.toArray());
        }
        return numbers;
    }

    // --- reading kept rows and changes ---

    /** Every change waiting, by its id alone (what the first build removes: it reads every source whole). */
    private Changes allChangeIds() {
        Changes changes = new Changes();
        query("select id from kpi_changes", r -> changes.ids.add(r.getLong(1)));
        return changes;
    }

    /**
     * The changes waiting, as a refresh applies them, whatever their number (a bulk load): every changed day (a day's
     * acts are read again whole); a call or the register changed for more than {@link #PATCH_LIMIT} people read again
     * whole, of whose changes the ids alone are held; the changed people of the others.
     */
    private Changes pendingForRefresh() {
        Changes changes = new Changes();
        query("select id, act_day from kpi_changes where act_day is not null", r -> {
            changes.ids.add(r.getLong(1));
            changes.days.add(r.getDate(2).toLocalDate());
        });
        Map<CallSet, Long> perCall = new HashMap<>();
        query("select call_id, capability, count(*) from kpi_changes where call_id is not null and act_day is null"
                + " group by call_id, capability", r -> perCall.put(new CallSet(r.getLong(1),
                Capability.valueOf(r.getString(2))), r.getLong(3)));
        for (Map.Entry<CallSet, Long> call : perCall.entrySet()) {
            CallSet key = call.getKey();
            boolean whole = call.getValue() > patchLimit;
            if (whole) {
                changes.wholeCalls.add(key);
            }
            query("select id, person from kpi_changes where call_id = ? and capability = ? and act_day is null", r -> {
                changes.ids.add(r.getLong(1));
                if (!whole) {
                    changes.calls.computeIfAbsent(key, k -> new HashSet<>()).add(r.getString(2));
                }
            }, key.call, key.capability.name());
        }
        List<Long> people = new ArrayList<>();
        query("select count(*) from kpi_changes where act_day is null and call_id is null", r -> people.add(r.getLong(1)));
        changes.wholeRegister = people.get(0) > patchLimit;
        query("select id, person from kpi_changes where act_day is null and call_id is null", r -> {
            changes.ids.add(r.getLong(1));
            if (!changes.wholeRegister && r.getString(2) != null) {
                changes.people.add(r.getString(2));
            }
        });
        return changes;
    }

    /** Every change waiting, or null when more than {@code limit} wait (a reading then reads the sources instead). */
    private Changes allChangesUpTo(int limit) {
        // one more than the limit, by the key's order (no count(*): a scan of a table a bulk load left full of dead rows)
        Changes changes = changes(limit + 1);
        return changes.ids.size() > limit ? null : changes;
    }

    /** The first {@code limit} changes waiting, oldest first. */
    private Changes changes(int limit) {
        Changes changes = new Changes();
        query("select id, act_day, call_id, capability, person from kpi_changes order by id"
                + " fetch first " + limit + " rows only", r -> {
            changes.ids.add(r.getLong(1));
            java.sql.Date day = r.getDate(2);
            long call = r.getLong(3);
            boolean isCall = !r.wasNull();
            if (day != null) {
                changes.days.add(day.toLocalDate());
            } else if (isCall) {
                changes.calls.computeIfAbsent(new CallSet(call, Capability.valueOf(r.getString(4))), k -> new HashSet<>())
                        .add(r.getString(5));
            } else if (r.getString(5) != null) {
                changes.people.add(r.getString(5));
            }
        });
        return changes;
    }

    /** The kept sets of the days, packed (decoded as the acts are added). */
    private Map<LocalDate, Map<Capability, byte[]>> keptDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Capability, byte[]>> days = new TreeMap<>();
        query("select act_day, capability, people from kpi_day_acts where act_day >= ? and act_day <= ?", r -> days
                .computeIfAbsent(r.getDate(1).toLocalDate(), d -> new EnumMap<>(Capability.class))
                .put(Capability.valueOf(r.getString(2)), r.getBytes(3)), from, to);
        return days;
    }

    /** Sums kept per subject of the days {@code where} says, leaving out those in {@code skipped} (read again). */
    private Map<String, Long> keptCounts(String where, List<?> values, Set<LocalDate> skipped) {
        Map<String, Long> counts = new HashMap<>();
        List<Object> all = new ArrayList<>(values);
        all.addAll(skipped);
        query("select subject, sum(n) from kpi_day_counts where " + where
                + (skipped.isEmpty() ? "" : " and not " + inList("act_day", skipped.size())) + " group by subject",
                r -> counts.merge(r.getString(1), r.getLong(2), Long::sum), all.toArray());
        return counts;
    }

    // --- JDBC ---

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... values) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, values);
            s.setFetchSize(5000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private byte[] bytes(String sql, Object... values) {
        List<byte[]> found = new ArrayList<>();
        query(sql, r -> found.add(r.getBytes(1)), values);
        return found.isEmpty() ? null : found.get(0);
    }

    private boolean exists(String sql, Object... values) {
        List<Object> found = new ArrayList<>();
        query(sql, r -> found.add(Boolean.TRUE), values);
        return !found.isEmpty();
    }

    private static void bind(PreparedStatement s, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof LocalDate d) {
                s.setObject(i + 1, d);
            } else if (v instanceof byte[] b) {
                s.setBytes(i + 1, b);
            } else {
                s.setObject(i + 1, v);
            }
        }
    }

    private static String inList(String column, int n) {
        return column + " in (" + marks(n) + ")";
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(java.util.Collection<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T t : all) {
            current.add(t);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("the KPIs' kept participation cannot be read or written: " + e.getMessage(), e);
    }
}
