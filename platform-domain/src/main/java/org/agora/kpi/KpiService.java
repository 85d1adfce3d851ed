package org.agora.kpi;

import static org.agora.shared.SqlValues.instant;
import static org.agora.shared.SqlValues.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.sql.Connection;
import java.time.DayOfWeek;
import org.agora.audience.AudienceCount;
import org.agora.audience.AudienceCounts;
import org.agora.audience.PageCapability;
import org.agora.kpi.KpiReport.Audience;
import org.agora.kpi.KpiReport.ConsultationLine;
import org.agora.kpi.KpiReport.Councils;
import org.agora.kpi.KpiReport.DistrictRate;
import org.agora.kpi.KpiReport.EnvelopeLine;
import org.agora.kpi.KpiReport.FunnelLine;
import org.agora.kpi.KpiReport.Moderation;
import org.agora.kpi.KpiReport.PageLine;
import org.agora.kpi.KpiReport.Participation;
import org.agora.kpi.KpiReport.QuestionLine;
import org.agora.kpi.KpiReport.WeekCount;
import org.agora.kpi.KpiReport.WeekVisits;
import org.agora.kpi.Participant.Capability;
import org.agora.shared.Actor;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The participation KPIs of a period and scope, read from the capabilities' own tables (nothing is stored for them):
 * who may read them is {@link KpiPermissions}, who counts as a participant {@link Participant}.
 *
 * <p>Dates: supports and ballots carry none (the register of who voted keeps no time, so that nobody can be matched to
 * a ballot by it); they count in a period when their call's submission phase (supports) or vote (ballots) overlaps
 * it, and they are left out of the weekly series. A person's district and age band are those of the platform's
 * register (their home district, the birth year they declared); someone not on it (who never signed in to a page)
 * takes the district their response or their district ballot recorded, or counts in the city's figures only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED) // read only: one transaction, so that large results stream
public class KpiService {

    /** The default of {@code agora.kpi.mask-threshold}: counts under it are masked in breakdowns. */
    public static final int DEFAULT_MASK_THRESHOLD = 5;

    private EntityManager em;
    private int maskThreshold;
    private AudienceCounts audienceCounts;
    private boolean useKept = true;

    protected KpiService() {
        // for CDI
    }

    @Inject
    public KpiService(EntityManager em,
                      @ConfigProperty(name = "agora.kpi.mask-threshold", defaultValue = "5") int maskThreshold,
                      AudienceCounts audienceCounts) {
        if (maskThreshold < 1) {
            throw new IllegalArgumentException("agora.kpi.mask-threshold must be at least 1, not " + maskThreshold);
        }
        this.em = em;
        this.maskThreshold = maskThreshold;
        this.audienceCounts = audienceCounts;
    }

    /** Outside a container: the audience read through the same entity manager. */
    public KpiService(EntityManager em, int maskThreshold) {
        this(em, maskThreshold, new AudienceCounts(em));
    }

    /** The figures computed from the sources alone, never from the kept participation: the reference of the tests. */
    static KpiService fromSourcesOnly(EntityManager em, int maskThreshold) {
        KpiService service = new KpiService(em, maskThreshold);
        service.useKept = false;
        return service;
    }

    /**
     * Figures computed at once, at most (each holds the register and the period's acts, tens of megabytes for a large
     * city): the others wait their turn, so that a burst of requests cannot run a small heap out of memory.
     */
    private static final java.util.concurrent.Semaphore COMPUTING = new java.util.concurrent.Semaphore(2, true);

    /** The figures of {@code query}, for someone {@link KpiPermissions} lets read them. */
    public KpiReport figures(Actor actor, KpiQuery query, Instant now) {
        KpiPermissions.checkRead(actor, query);
        COMPUTING.acquireUninterruptibly();
        try {
            return compute(query, now);
        } finally {
            COMPUTING.release();
        }
    }

    private KpiReport compute(KpiQuery query, Instant now) {
        List<DistrictRow> allDistricts = districts();
        query.district().ifPresent(code -> {
            if (allDistricts.stream().noneMatch(d -> d.code.equals(code.value()))) {
                throw new NotFoundException("territory.district.notFound", code.value());
            }
        });
        query.theme().ifPresent(theme -> {
            if (number(em.createNativeQuery("select count(*) from themes where id = ?").setParameter(1, theme)
                    .getSingleResult()) == 0) {
                throw new NotFoundException("territory.theme.notFound", theme);
            }
        });
        List<DistrictRow> scoped = allDistricts.stream()
                .filter(d -> query.district().map(c -> c.value().equals(d.code)).orElse(true)).toList();
        Connection connection = connection();
        List<LocalDate> weeks = weeks(query);
        List<Object[]> consultationRows = consultationRows(query);
        KeptParticipation.Reading kept = keptReading(connection, query, weeks.get(0), consultationRows, now);
        // each act as one long (person, capability, week): a city's participation in a few megabytes, whatever its size
        KpiPeople people = kept != null ? kept.people() : register(connection);
        LongList acts = kept != null ? kept.acts() : activities(connection, query, people, weeks.get(0));
        String scope = query.district().map(c -> c.value()).orElse(null);
        // districts as the indexes of their codes in people (-1: a scope nobody known lives in)
        int scopeIndex = scope == null ? -1 : people.knownDistrictIndex(scope);

        Capability[] capabilities = Capability.values();
        ParticipantSets sets = ParticipantSets.of(acts, people, scope != null, scopeIndex, weeks.size());
        BitSet participants = sets.all;
        BitSet[] weekly = sets.weekly;
        Map<Capability, BitSet> byCapability = new EnumMap<>(Capability.class);
        Map<Capability, Long> capabilityCounts = new EnumMap<>(Capability.class);
        for (Capability capability : capabilities) {
            BitSet set = sets.byCapability[capability.ordinal()];
            if (set != null) {
                byCapability.put(capability, set);
            }
            capabilityCounts.put(capability, set == null ? 0L : set.cardinality());
        }
        List<WeekCount> weeklyParticipants = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            weeklyParticipants.add(week(weeks.get(w), weekly[w] == null ? 0 : weekly[w].cardinality()));
        }

        // the register: accounts by district, and the new ones of the scope per week (a week's start in milliseconds)
        long[] weekStarts = new long[weeks.size()];
        for (int w = 0; w < weeks.size(); w++) {
            weekStarts[w] = weeks.get(w).atStartOfDay(Period.CITY_ZONE).toInstant().toEpochMilli();
        }
        long[] newAccounts = new long[weeks.size()];
        long[] registeredByIndex = new long[people.districtIndexes()];
        long registered = people.countAccounts(query.start().toEpochMilli(), query.end().toEpochMilli(),
                scope == null ? -1 : scopeIndex == -1 ? -2 : scopeIndex, weekStarts, registeredByIndex, newAccounts);
        Map<String, Long> registeredByDistrict = new HashMap<>();
        for (int d = 0; d < registeredByIndex.length; d++) {
            if (registeredByIndex[d] > 0) {
                registeredByDistrict.put(String.valueOf(people.districtCode(d)), registeredByIndex[d]);
            }
        }
        List<WeekCount> newRegistrations = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            newRegistrations.add(week(weeks.get(w), newAccounts[w]));
        }

        long[] participantsByIndex = new long[people.districtIndexes()];
        people.countByDistrict(participants, participantsByIndex);
        Map<String, Long> participantsByDistrict = new HashMap<>();
        for (int d = 1; d < participantsByIndex.length; d++) {
            participantsByDistrict.put(people.districtCode(d), participantsByIndex[d]);
        }
        List<DistrictRate> rates = scoped.stream().map(d -> {
            long count = participantsByDistrict.getOrDefault(d.code, 0L);
            return new DistrictRate(d.code, d.name, d.population, count, d.population == 0 ? null
                    : BigDecimal.valueOf(count * 1000L).divide(BigDecimal.valueOf(d.population), 2, RoundingMode.HALF_UP));
        }).toList();

        return new KpiReport(query, Participant.DEFINITION, maskThreshold, now,
                new Participation(registered, participants.cardinality(), capabilityCounts, newRegistrations),
                consultations(query, consultationRows, kept), envelopes(query, scoped, registeredByDistrict, kept),
                moderation(query, kept),
                councils(query, now), weeklyParticipants, rates,
                ageByDistrict(query, scoped, participants, people),
                audience(query, weeks, participants, byCapability));
    }

    /**
     * The audience of the period and scope beside its participants: the funnel in all and per capability of the pages
     * (a capability's participants are those of {@link #participantCapabilities}), the pages by views, the weeks.
     */
    private Audience audience(KpiQuery query, List<LocalDate> weeks, BitSet participants,
                              Map<Capability, BitSet> byCapability) {
        List<AudienceCount> sums = audienceCounts.sums(query.from(), query.to(), query.district());
        List<FunnelLine> funnel = new ArrayList<>();
        funnel.add(funnelLine(Optional.empty(), sums, (long) participants.cardinality()));
        for (PageCapability capability : PageCapability.values()) {
            List<Capability> theirs = participantCapabilities(capability);
            Long count = null;
            if (!theirs.isEmpty()) {
                BitSet people = new BitSet();
                theirs.forEach(c -> people.or(byCapability.getOrDefault(c, new BitSet())));
                count = (long) people.cardinality();
            }
            funnel.add(funnelLine(Optional.of(capability), sums, count));
        }
        List<PageLine> pages = sums.stream().filter(c -> !AudienceCount.ALL.equals(c.page()))
                .sorted(java.util.Comparator.comparingLong(AudienceCount::views).reversed()
                        .thenComparing(AudienceCount::page))
                .map(c -> new PageLine(c.page(), PageCapability.valueOf(c.capability()), c.views(), c.visitors(),
                        c.signedInVisitors()))
                .toList();
        Map<LocalDate, long[]> byWeek = new HashMap<>();
        for (AudienceCount day : audienceCounts.days(query.from(), query.to(), query.district())) {
            long[] sum = byWeek.computeIfAbsent(day.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    w -> new long[3]);
            sum[0] += day.views();
            sum[1] += day.visitors();
            sum[2] += day.signedInVisitors();
        }
        List<WeekVisits> weekly = weeks.stream().map(w -> {
            long[] sum = byWeek.getOrDefault(w, new long[3]);
            return new WeekVisits(week(w, 0).week(), w, sum[0], sum[1], sum[2]);
        }).toList();
        return new Audience(funnel, pages, weekly);
    }

    private static FunnelLine funnelLine(Optional<PageCapability> capability, List<AudienceCount> sums, Long participants) {
        String name = capability.map(Enum::name).orElse(AudienceCount.ALL);
        AudienceCount sum = sums.stream().filter(c -> AudienceCount.ALL.equals(c.page()) && name.equals(c.capability()))
                .findFirst().orElse(null);
        return sum == null ? new FunnelLine(capability, 0, 0, 0, participants)
                : new FunnelLine(capability, sum.views(), sum.visitors(), sum.signedInVisitors(), participants);
    }

    /**
     * Whose participation a capability's pages lead to: the consultations' pages to responses, the budget's to proposals,
     * supports and ballots, the councils' to joining and registering. Comments, made under pages of several
     * capabilities, count in the total only; the other pages lead to no participation.
     */
    static List<Capability> participantCapabilities(PageCapability capability) {
        return switch (capability) {
            case CONSULTATION -> List.of(Capability.CONSULTATION);
            case BUDGET -> List.of(Capability.BUDGET_PROJECT, Capability.BUDGET_VOTE);
            case COUNCIL -> List.of(Capability.COUNCIL);
            default -> List.of();
        };
    }

    /** The breakdown of participants by age band and district (with a column for those whose district is unknown). */
    private MaskedTable ageByDistrict(KpiQuery query, List<DistrictRow> scoped, BitSet participants, KpiPeople people) {
        List<String> columns = new ArrayList<>(scoped.stream().map(d -> d.code).toList());
        boolean unknownColumn = query.district().isEmpty();
        long[][] counts = new long[AgeBand.values().length][columns.size() + (unknownColumn ? 1 : 0)];
        int year = query.to().getYear();
        int[] columnOf = new int[people.districtIndexes()]; // per district index: its column, or -1
        java.util.Arrays.fill(columnOf, -1);
        for (int c = 0; c < columns.size(); c++) {
            int index = people.knownDistrictIndex(columns.get(c));
            if (index > KpiPeople.NO_DISTRICT) {
                columnOf[index] = c;
            }
        }
        people.countByAgeAndColumn(participants, year, columnOf, unknownColumn ? columns.size() : -1, counts);
        if (unknownColumn) {
            columns.add("?");
        }
        List<String> rows = java.util.Arrays.stream(AgeBand.values()).map(Enum::name).toList();
        return MaskedTable.of(rows, columns, counts, maskThreshold);
    }

    /**
     * Every act of the period, read as the database streams it (never a whole table in memory): a person not on the
     * register takes the district of their first act that recorded one.
     */
    private LongList activities(Connection connection, KpiQuery query, KpiPeople people, LocalDate firstMonday) {
        boolean themed = query.theme().isPresent();
        String theme = themed ? " and x.theme_id = ?3" : "";
        LongList acts = new LongList();
        // responses to consultations that are not anonymous (anonymous ones name nobody on their responses)
        collect(connection, acts, people, firstMonday, Capability.CONSULTATION, query,
                "select r.respondent, r.submitted_at, r.district_code from responses r"
                + " join consultations x on x.id = r.consultation_id where r.status = 'SUBMITTED'"
                + " and r.respondent is not null and x.anonymous = false"
                + " and r.submitted_at >= ?1 and r.submitted_at < ?2" + theme);
        collect(connection, acts, people, firstMonday, Capability.BUDGET_PROJECT, query,
                "select a.author, x.submitted_at, null from project_authors a"
                + " join budget_projects x on x.id = a.project_id"
                + " where x.submitted_at >= ?1 and x.submitted_at < ?2" + theme);
        collect(connection, acts, people, firstMonday, Capability.BUDGET_PROJECT, query,
                "select s.supporter, null, null from project_supports s"
                + " join budget_projects x on x.id = s.project_id join envelopes e on e.id = x.envelope_id"
                + " join budget_calls k on k.id = e.call_id"
                + " where k.submission_start < ?2 and k.review_end > ?1" + theme);
        if (!themed) {
            collect(connection, acts, people, firstMonday, Capability.BUDGET_VOTE, query,
                    "select coalesce(r.account, concat('register:',"
                    + " cast(r.id as varchar(20)))), null, case when m.scope = 'DISTRICT' then e.district_code end"
                    + " from vote_marks m join residents r on r.id = m.resident_id join envelopes e on e.id = m.envelope_id"
                    + " join budget_calls k on k.id = m.call_id where k.vote_start < ?2 and k.vote_end > ?1");
            collect(connection, acts, people, firstMonday, Capability.COMMENT, query,
                    "select c.author, c.created_at, null from comments c"
                    + " where c.created_at >= ?1 and c.created_at < ?2");
            collect(connection, acts, people, firstMonday, Capability.COUNCIL, query,
                    "select m.username, m.asked_at, null from council_memberships m"
                    + " where m.status <> 'REFUSED' and m.asked_at >= ?1 and m.asked_at < ?2");
            collect(connection, acts, people, firstMonday, Capability.COUNCIL, query,
                    "select g.username, g.registered_at, null from meeting_registrations g"
                    + " where g.status <> 'CANCELLED' and g.registered_at >= ?1 and g.registered_at < ?2");
        }
        return acts;
    }

    private void collect(Connection connection, LongList into, KpiPeople people, LocalDate firstMonday,
                         Capability capability, KpiQuery query, String sql) {
        stream(connection, sql, query, row -> {
            String person = row.getString(1);
            java.sql.Timestamp at = row.getTimestamp(2);
            int index = people.act(person, row.getString(3));
            int week = at == null ? Act.NO_WEEK
                    : (int) (java.time.temporal.ChronoUnit.DAYS.between(firstMonday, monday(at.toInstant())) / 7);
            into.add(Act.of(index, capability, week));
        });
    }

    /** Runs a query whose ?1 and ?2 are the period's bounds and ?3 the theme, handing each row as it streams. */
    private static void stream(Connection connection, String sql, KpiQuery query, RowReader reader) {
        String jdbc = sql.replace("?1", "?").replace("?2", "?").replace("?3", "?");
        try (java.sql.PreparedStatement statement = connection.prepareStatement(jdbc)) {
            int position = 1;
            for (int i = 0; i < sql.length() - 1; i++) {
                if (sql.charAt(i) == '?') {
                    char which = sql.charAt(i + 1);
                    Object value = which == '1' ? utc(query.start()) : which == '2' ? utc(query.end())
                            : query.theme().orElseThrow();
                    statement.setObject(position++, value);
                }
            }
            statement.setFetchSize(FETCH_SIZE);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the KPIs' rows: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(java.sql.ResultSet row) throws java.sql.SQLException;
    }

    /** Rows fetched at a time: PostgreSQL streams a result this many rows at once inside a transaction. */
    private static final int FETCH_SIZE = 5000;

    /**
     * The transaction's connection (the figures are read in one, read only, so that PostgreSQL streams the large
     * results with a cursor instead of sending them whole).
     */
    private Connection connection() {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("the KPIs are read in a transaction");
        }
        return connection;
    }

    /** The consultations of the period and scope: id, title, district, anonymous. */
    private List<Object[]> consultationRows(KpiQuery query) {
        StringBuilder sql = new StringBuilder("select x.id, x.title, x.district_code, x.anonymous from consultations x"
                + " where x.status not in ('DRAFT', 'SCHEDULED') and x.opens_at < ?2 and x.closes_at > ?1");
        query.theme().ifPresent(t -> sql.append(" and x.theme_id = ?3"));
        query.district().ifPresent(d -> sql.append(" and x.district_code = ?4"));
        sql.append(" order by x.opens_at, x.id");
        return rows(sql.toString(), query, query.district().map(d -> d.value()).orElse(null));
    }

    /**
     * The kept participation as the sources say now ({@link KeptParticipation}), built first if it never was; none
     * (the sources are read whole) for a theme, which the kept rows do not know, or while another instance builds them.
     */
    private KeptParticipation.Reading keptReading(Connection connection, KpiQuery query, LocalDate firstMonday,
                                                  List<Object[]> consultations, Instant now) {
        if (!useKept || query.theme().isPresent()) {
            return null;
        }
        KeptParticipation kept = new KeptParticipation(connection);
        if (!kept.isBuilt() && kept.refresh(now, "first reading") < 0) {
            return null;
        }
        List<String> anonymous = consultations.stream().filter(row -> Boolean.TRUE.equals(row[3]))
                .map(row -> "answered:" + number(row[0]) + ":").toList();
        return kept.read(query, firstMonday, anonymous);
    }

    private List<ConsultationLine> consultations(KpiQuery query, List<Object[]> consultations,
                                                 KeptParticipation.Reading kept) {
        List<ConsultationLine> lines = new ArrayList<>();
        if (consultations.isEmpty()) {
            return lines;
        }
        // two queries for all the consultations (not two for each): drafts, questions
        String ids = consultations.stream().map(c -> String.valueOf(number(c[0])))
                .collect(java.util.stream.Collectors.joining(", "));
        Map<Long, Long> draftsOf = new HashMap<>();
        for (Object[] d : rows("select consultation_id, count(*) from responses where consultation_id in (" + ids + ")"
                + " and status = 'DRAFT' and saved_at >= ?1 and saved_at < ?2 group by consultation_id", query, null)) {
            draftsOf.put(number(d[0]), number(d[1]));
        }
        Map<Long, List<Object[]>> questionsOf = new HashMap<>();
        for (Object[] q : rows("select q.consultation_id, q.position, q.code, q.text from questions q"
                + " where q.consultation_id in (" + ids + ") order by q.consultation_id, q.position", query, null)) {
            questionsOf.computeIfAbsent(number(q[0]), k -> new ArrayList<>()).add(q);
        }
        for (Object[] row : consultations) {
            long id = number(row[0]);
            boolean anonymous = Boolean.TRUE.equals(row[3]);
            long responses;
            Long started = null;
            BigDecimal completion = null;
            if (anonymous) {
                responses = number(em.createNativeQuery("select count(*) from consultation_participations"
                        + " where consultation_id = ?").setParameter(1, id).getSingleResult());
            } else {
                responses = kept != null ? kept.counts().getOrDefault("responses:" + id, 0L)
                        : count("select count(*) from responses where consultation_id = ?4 and status = 'SUBMITTED'"
                        + " and submitted_at >= ?1 and submitted_at < ?2", query, id);
                long drafts = draftsOf.getOrDefault(id, 0L);
                started = responses + drafts;
                completion = percent(responses, started);
            }
            // the responses that answered each question, in one pass over the consultation's answers
            Map<String, Long> answered = new HashMap<>();
            if (kept != null) {
                String prefix = "answered:" + id + ":";
                (anonymous ? kept.allDaysCounts() : kept.counts()).forEach((subject, n) -> {
                    if (subject.startsWith(prefix)) {
                        answered.put(subject.substring(prefix.length()), n);
                    }
                });
            } else {
                for (Object[] a : rows("select a.question_code, count(distinct a.response_id) from response_answers a"
                        + " join responses r on r.id = a.response_id where r.consultation_id = ?4 and r.status = 'SUBMITTED'"
                        + (anonymous ? "" : " and r.submitted_at >= ?1 and r.submitted_at < ?2")
                        + " group by a.question_code", query, id)) {
                    answered.put((String) a[0], number(a[1]));
                }
            }
            List<QuestionLine> questions = new ArrayList<>();
            for (Object[] q : questionsOf.getOrDefault(id, List.of())) {
                questions.add(new QuestionLine((int) number(q[1]), (String) q[2], (String) q[3],
                        answered.getOrDefault((String) q[2], 0L)));
            }
            lines.add(new ConsultationLine(id, (String) row[1], Optional.ofNullable((String) row[2]), anonymous,
                    responses, started, completion, questions));
        }
        return lines;
    }

    private List<EnvelopeLine> envelopes(KpiQuery query, List<DistrictRow> scoped, Map<String, Long> registeredByDistrict,
                                         KeptParticipation.Reading kept) {
        StringBuilder sql = new StringBuilder("select e.id, k.id, k.name, e.district_code from envelopes e"
                + " join budget_calls k on k.id = e.call_id where k.submission_start < ?2 and k.vote_end > ?1");
        query.district().ifPresent(d -> sql.append(" and e.district_code = ?4"));
        sql.append(" order by k.submission_start, k.id, e.district_code nulls first");
        String themeFilter = query.theme().isPresent() ? " and p.theme_id = ?3" : "";
        List<EnvelopeLine> lines = new ArrayList<>();
        List<Object[]> envelopes = rows(sql.toString(), query, query.district().map(d -> d.value()).orElse(null));
        if (envelopes.isEmpty()) {
            return lines;
        }
        // three queries for all the envelopes (not seven for each): projects, supports, ballots per channel
        String ids = envelopes.stream().map(e -> String.valueOf(number(e[0]))).collect(java.util.stream.Collectors.joining(", "));
        Map<Long, long[]> projects = new HashMap<>();
        for (Object[] p : rows("select p.envelope_id, sum(case when p.submitted_at is not null then 1 else 0 end),"
                + " sum(case when p.status = 'FEASIBLE' then 1 else 0 end), sum(case when p.on_ballot = true then 1 else 0 end),"
                + " sum(case when f.project_id is not null then 1 else 0 end),"
                + " sum(case when f.status = 'DELIVERED' then 1 else 0 end)"
                + " from budget_projects p left join project_followups f on f.project_id = p.id"
                + " where p.envelope_id in (" + ids + ")" + themeFilter + " group by p.envelope_id", query, null)) {
            projects.put(number(p[0]), new long[] {number(p[1]), number(p[2]), number(p[3]), number(p[4]), number(p[5])});
        }
        Map<Long, Long> supportsOf = new HashMap<>();
        for (Object[] c : rows("select p.envelope_id, count(*) from project_supports s join budget_projects p"
                + " on p.id = s.project_id where p.envelope_id in (" + ids + ")" + themeFilter + " group by p.envelope_id",
                query, null)) {
            supportsOf.put(number(c[0]), number(c[1]));
        }
        Map<Long, Map<String, Long>> channelsOf = new HashMap<>();
        if (kept != null) {
            envelopes.forEach(e -> channelsOf.put(number(e[0]), kept.ballotsOf(number(e[0]))));
        } else {
            for (Object[] c : rows("select m.envelope_id, m.channel, count(*) from vote_marks m where m.envelope_id in ("
                    + ids + ") group by m.envelope_id, m.channel", query, null)) {
                channelsOf.computeIfAbsent(number(c[0]), k -> new HashMap<>()).put((String) c[1], number(c[2]));
            }
        }
        for (Object[] row : envelopes) {
            long envelope = number(row[0]);
            String district = (String) row[3];
            long[] counts = projects.getOrDefault(envelope, new long[5]);
            long submitted = counts[0];
            long feasible = counts[1];
            long onBallot = counts[2];
            long selected = counts[3];
            long delivered = counts[4];
            long supports = supportsOf.getOrDefault(envelope, 0L);
            Map<String, Long> channels = channelsOf.getOrDefault(envelope, Map.of());
            long online = channels.getOrDefault("ONLINE", 0L);
            long desk = channels.getOrDefault("DESK", 0L);
            long paper = channels.getOrDefault("PAPER", 0L);
            long population = district == null ? scopedPopulation(scoped)
                    : scoped.stream().filter(d -> d.code.equals(district)).mapToLong(d -> d.population).sum();
            long registered = district == null ? registeredByDistrict.values().stream().mapToLong(Long::longValue).sum()
                    : registeredByDistrict.getOrDefault(district, 0L);
            long ballots = online + desk + paper;
            lines.add(new EnvelopeLine(number(row[1]), (String) row[2], Optional.ofNullable(district), submitted, feasible,
                    onBallot, selected, supports, online, desk, paper, registered, population,
                    percent(ballots, registered), percent(ballots, population), delivered));
        }
        return lines;
    }

    private static long scopedPopulation(List<DistrictRow> districts) {
        return districts.stream().mapToLong(d -> d.population).sum();
    }

    private Moderation moderation(KpiQuery query, KeptParticipation.Reading kept) {
        String district = query.district().map(d -> d.value()).orElse(null);
        long comments = kept != null ? kept.counts().entrySet().stream()
                .filter(c -> district == null ? c.getKey().startsWith("comments:") : c.getKey().equals("comments:" + district))
                .mapToLong(Map.Entry::getValue).sum() : count("select count(*)" + CommentItems.FROM
                + " where c.created_at >= ?1 and c.created_at < ?2"
                + (district == null ? "" : " and " + CommentItems.DISTRICT + " = ?4"), query, district);
        String caseDistrict = district == null ? "" : " and m.district_code = ?4";
        long reports = count("select count(*) from moderation_reports r join moderation_cases m on m.id = r.case_id"
                + " where r.reported_at >= ?1 and r.reported_at < ?2" + caseDistrict, query, district);
        long hidden = count("select count(*) from moderation_cases m where m.state = 'HIDDEN'"
                + " and m.decided_at >= ?1 and m.decided_at < ?2" + caseDistrict, query, district);
        List<Duration> delays = new ArrayList<>();
        for (Object[] row : rows("select m.decided_at, (select min(r.reported_at) from moderation_reports r"
                + " where r.case_id = m.id) from moderation_cases m where m.decided_at >= ?1 and m.decided_at < ?2"
                + " and m.state <> 'OPEN'" + caseDistrict, query, district)) {
            if (row[1] != null) {
                delays.add(Duration.between(instant(row[1]), instant(row[0])));
            }
        }
        return new Moderation(comments, reports, hidden, delays.size(), median(delays));
    }

    /** The median of the delays: the middle one, or the mean of the two middle ones. */
    static Optional<Duration> median(List<Duration> delays) {
        if (delays.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = delays.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }

    private Councils councils(KpiQuery query, Instant now) {
        String district = query.district().map(d -> d.value()).orElse(null);
        String councilsInScope = "select o.id from councils o join neighbourhoods h on h.id = o.neighbourhood_id"
                + " join districts d on d.id = h.district_id" + (district == null ? "" : " where d.code = ?4");
        long councils = count("select count(*) from (" + councilsInScope + ") s", query, district);
        long members = count("select count(*) from council_memberships m where m.status = 'MEMBER'"
                + " and m.council_id in (" + councilsInScope + ")", query, district);
        String held = " from council_meetings g where g.council_id in (" + councilsInScope + ")"
                + " and g.starts_at >= ?1 and g.starts_at < ?2 and g.starts_at < ?5";
        List<Object[]> sums = rows("select count(*), coalesce(sum(g.attendance), 0), count(g.attendance)" + held,
                query, district, now);
        long registrations = count("select count(*) from meeting_registrations r where r.status = 'REGISTERED'"
                + " and r.meeting_id in (select g.id" + held + ")", query, district, now);
        Object[] s = sums.get(0);
        return new Councils(councils, members, number(s[0]), registrations, number(s[1]), number(s[2]));
    }

    /** The register, streamed into {@link KpiPeople}: every resident with an account, or entered at a desk. */
    private KpiPeople register(Connection connection) {
        KpiPeople people = new KpiPeople();
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (java.sql.ResultSet r = statement.executeQuery("select id, account, district_code, birth_year, enlisted_at"
                    + " from residents")) {
                while (r.next()) {
                    String account = r.getString(2);
                    int birthYear = r.getInt(4);
                    people.enlisted(account != null ? account : "register:" + r.getLong(1), account != null,
                            r.getString(3), r.wasNull() ? null : birthYear, r.getTimestamp(5).toInstant());
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the register: " + e.getMessage(), e);
        }
        return people;
    }

    private List<DistrictRow> districts() {
        List<DistrictRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("select code, name, population from districts order by name")
                .getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new DistrictRow((String) r[0], (String) r[1], number(r[2])));
        }
        return rows;
    }

    /** Rows of a query whose ?1 and ?2 are the period's bounds, ?3 the theme, ?4 the extra value, ?5 now. */
    private List<Object[]> rows(String sql, KpiQuery query, Object extra, Instant... now) {
        Query q = em.createNativeQuery(sql);
        if (sql.contains("?1")) {
            q.setParameter(1, utc(query.start()));
        }
        if (sql.contains("?2")) {
            q.setParameter(2, utc(query.end()));
        }
        if (sql.contains("?3")) {
            q.setParameter(3, query.theme().orElseThrow());
        }
        if (sql.contains("?4")) {
            q.setParameter(4, extra);
        }
        if (sql.contains("?5")) {
            q.setParameter(5, utc(now[0]));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] {row});
        }
        return rows;
    }

    private long count(String sql, KpiQuery query, Object extra, Instant... now) {
        return number(rows(sql, query, extra, now).get(0)[0]);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** {@code part} as a percentage of {@code whole}, two decimals; {@code null} when the whole is zero. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static List<LocalDate> weeks(KpiQuery query) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = query.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
             !monday.isAfter(query.to()); monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        return weeks;
    }

    /** The week of an instant at or after the first week's start: the last whose start is not after it. */
    static int weekOf(long[] weekStarts, long millis) {
        int week = (int) Math.min(weekStarts.length - 1, (millis - weekStarts[0]) / (7 * 86_400_000L));
        while (week + 1 < weekStarts.length && weekStarts[week + 1] <= millis) {
            week++; // a week of 167 hours (summer time begins)
        }
        while (week > 0 && weekStarts[week] > millis) {
            week--; // a week of 169 hours (summer time ends)
        }
        return week;
    }

    private static LocalDate monday(Instant at) {
        return at.atZone(Period.CITY_ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static WeekCount week(LocalDate monday, long count) {
        return new WeekCount(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, count);
    }

    private record DistrictRow(String code, String name, long population) {
    }
}
