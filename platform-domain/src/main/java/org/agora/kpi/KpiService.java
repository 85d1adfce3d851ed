package org.agora.kpi;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
@Transactional(Transactional.TxType.SUPPORTS)
public class KpiService {

    /** The default of {@code agora.kpi.mask-threshold}: counts under it are masked in breakdowns. */
    public static final int DEFAULT_MASK_THRESHOLD = 5;

    private EntityManager em;
    private int maskThreshold;
    private AudienceCounts audienceCounts;

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

    /** The figures of {@code query}, for someone {@link KpiPermissions} lets read them. */
    public KpiReport figures(Actor actor, KpiQuery query, Instant now) {
        KpiPermissions.checkRead(actor, query);
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
        Map<String, RegisterEntry> register = register();
        List<Activity> all = activities(query);
        // people not on the register (who never signed in to a page: API clients) take the district their acts recorded
        for (Activity activity : all) {
            if (activity.district != null && !register.containsKey(activity.person)) {
                register.put(activity.person, new RegisterEntry(false, activity.district, null, Instant.EPOCH));
            }
        }
        List<Activity> activities = all.stream()
                .filter(a -> query.district().map(c -> c.value().equals(register.getOrDefault(a.person, RegisterEntry.NONE)
                        .district)).orElse(true))
                .toList();

        Map<Capability, Set<String>> byCapability = new EnumMap<>(Capability.class);
        Set<String> participants = new HashSet<>();
        for (Activity activity : activities) {
            participants.add(activity.person);
            byCapability.computeIfAbsent(activity.capability, c -> new HashSet<>()).add(activity.person);
        }
        Map<Capability, Long> capabilityCounts = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            capabilityCounts.put(capability, (long) byCapability.getOrDefault(capability, Set.of()).size());
        }

        List<LocalDate> weeks = weeks(query);
        Map<LocalDate, Set<String>> weekly = new HashMap<>();
        for (Activity activity : activities) {
            if (activity.at != null) {
                weekly.computeIfAbsent(monday(activity.at), w -> new HashSet<>()).add(activity.person);
            }
        }
        List<WeekCount> weeklyParticipants = weeks.stream()
                .map(w -> week(w, weekly.getOrDefault(w, Set.of()).size())).toList();

        long registered = 0;
        Map<LocalDate, Long> newAccounts = new HashMap<>();
        Map<String, Long> registeredByDistrict = new HashMap<>();
        for (RegisterEntry entry : register.values()) {
            if (!entry.account || entry.enlistedAt.compareTo(query.end()) >= 0) {
                continue;
            }
            registeredByDistrict.merge(String.valueOf(entry.district), 1L, Long::sum);
            if (query.district().map(c -> c.value().equals(entry.district)).orElse(true)) {
                registered++;
                if (!entry.enlistedAt.isBefore(query.start())) {
                    newAccounts.merge(monday(entry.enlistedAt), 1L, Long::sum);
                }
            }
        }
        List<WeekCount> newRegistrations = weeks.stream().map(w -> week(w, newAccounts.getOrDefault(w, 0L))).toList();

        Map<String, Long> participantsByDistrict = new HashMap<>();
        for (String person : participants) {
            participantsByDistrict.merge(String.valueOf(register.getOrDefault(person, RegisterEntry.NONE).district), 1L,
                    Long::sum);
        }
        List<DistrictRate> rates = scoped.stream().map(d -> {
            long count = participantsByDistrict.getOrDefault(d.code, 0L);
            return new DistrictRate(d.code, d.name, d.population, count, d.population == 0 ? null
                    : BigDecimal.valueOf(count * 1000L).divide(BigDecimal.valueOf(d.population), 2, RoundingMode.HALF_UP));
        }).toList();

        return new KpiReport(query, Participant.DEFINITION, maskThreshold, now,
                new Participation(registered, participants.size(), capabilityCounts, newRegistrations),
                consultations(query), envelopes(query, scoped, registeredByDistrict, now), moderation(query),
                councils(query, now), weeklyParticipants, rates,
                ageByDistrict(query, scoped, participants, register),
                audience(query, weeks, participants, byCapability));
    }

    /**
     * The audience of the period and scope beside its participants: the funnel in all and per capability of the pages
     * (a capability's participants are those of {@link #participantCapabilities}), the pages by views, the weeks.
     */
    private Audience audience(KpiQuery query, List<LocalDate> weeks, Set<String> participants,
                              Map<Capability, Set<String>> byCapability) {
        List<AudienceCount> sums = audienceCounts.sums(query.from(), query.to(), query.district());
        List<FunnelLine> funnel = new ArrayList<>();
        funnel.add(funnelLine(Optional.empty(), sums, (long) participants.size()));
        for (PageCapability capability : PageCapability.values()) {
            List<Capability> theirs = participantCapabilities(capability);
            Long count = null;
            if (!theirs.isEmpty()) {
                Set<String> people = new HashSet<>();
                theirs.forEach(c -> people.addAll(byCapability.getOrDefault(c, Set.of())));
                count = (long) people.size();
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
    private MaskedTable ageByDistrict(KpiQuery query, List<DistrictRow> scoped, Set<String> participants,
                                      Map<String, RegisterEntry> register) {
        List<String> columns = new ArrayList<>(scoped.stream().map(d -> d.code).toList());
        boolean unknownColumn = query.district().isEmpty();
        long[][] counts = new long[AgeBand.values().length][columns.size() + (unknownColumn ? 1 : 0)];
        int year = query.to().getYear();
        for (String person : participants) {
            RegisterEntry entry = register.getOrDefault(person, RegisterEntry.NONE);
            int column = entry.district == null ? -1 : columns.indexOf(entry.district);
            if (column < 0) {
                if (!unknownColumn) {
                    continue;
                }
                column = columns.size();
            }
            counts[AgeBand.of(Optional.ofNullable(entry.birthYear), year).ordinal()][column]++;
        }
        if (unknownColumn) {
            columns.add("?");
        }
        List<String> rows = java.util.Arrays.stream(AgeBand.values()).map(Enum::name).toList();
        return MaskedTable.of(rows, columns, counts, maskThreshold);
    }

    private List<Activity> activities(KpiQuery query) {
        boolean themed = query.theme().isPresent();
        String theme = themed ? " and x.theme_id = ?3" : "";
        List<Activity> activities = new ArrayList<>();
        // responses to consultations that are not anonymous (anonymous ones name nobody on their responses)
        collect(activities, Capability.CONSULTATION, query, "select r.respondent, r.submitted_at, r.district_code from responses r"
                + " join consultations x on x.id = r.consultation_id where r.status = 'SUBMITTED'"
                + " and r.respondent is not null and x.anonymous = false"
                + " and r.submitted_at >= ?1 and r.submitted_at < ?2" + theme);
        collect(activities, Capability.BUDGET_PROJECT, query, "select a.author, x.submitted_at, null from project_authors a"
                + " join budget_projects x on x.id = a.project_id"
                + " where x.submitted_at >= ?1 and x.submitted_at < ?2" + theme);
        collect(activities, Capability.BUDGET_PROJECT, query, "select s.supporter, null, null from project_supports s"
                + " join budget_projects x on x.id = s.project_id join envelopes e on e.id = x.envelope_id"
                + " join budget_calls k on k.id = e.call_id"
                + " where k.submission_start < ?2 and k.review_end > ?1" + theme);
        if (!themed) {
            collect(activities, Capability.BUDGET_VOTE, query, "select coalesce(r.account, concat('register:',"
                    + " cast(r.id as varchar(20)))), null, case when m.scope = 'DISTRICT' then e.district_code end"
                    + " from vote_marks m join residents r on r.id = m.resident_id join envelopes e on e.id = m.envelope_id"
                    + " join budget_calls k on k.id = m.call_id where k.vote_start < ?2 and k.vote_end > ?1");
            collect(activities, Capability.COMMENT, query, "select c.author, c.created_at, null from comments c"
                    + " where c.created_at >= ?1 and c.created_at < ?2");
            collect(activities, Capability.COUNCIL, query, "select m.username, m.asked_at, null from council_memberships m"
                    + " where m.status <> 'REFUSED' and m.asked_at >= ?1 and m.asked_at < ?2");
            collect(activities, Capability.COUNCIL, query, "select g.username, g.registered_at, null from meeting_registrations g"
                    + " where g.status <> 'CANCELLED' and g.registered_at >= ?1 and g.registered_at < ?2");
        }
        return activities;
    }

    private void collect(List<Activity> into, Capability capability, KpiQuery query, String sql) {
        for (Object[] row : rows(sql, query, null)) {
            into.add(new Activity((String) row[0], capability, row[1] == null ? null : instant(row[1]), (String) row[2]));
        }
    }

    private List<ConsultationLine> consultations(KpiQuery query) {
        StringBuilder sql = new StringBuilder("select x.id, x.title, x.district_code, x.anonymous from consultations x"
                + " where x.status not in ('DRAFT', 'SCHEDULED') and x.opens_at < ?2 and x.closes_at > ?1");
        query.theme().ifPresent(t -> sql.append(" and x.theme_id = ?3"));
        query.district().ifPresent(d -> sql.append(" and x.district_code = ?4"));
        sql.append(" order by x.opens_at, x.id");
        List<ConsultationLine> lines = new ArrayList<>();
        for (Object[] row : rows(sql.toString(), query, query.district().map(d -> d.value()).orElse(null))) {
            long id = number(row[0]);
            boolean anonymous = Boolean.TRUE.equals(row[3]);
            long responses;
            Long started = null;
            BigDecimal completion = null;
            if (anonymous) {
                responses = number(em.createNativeQuery("select count(*) from consultation_participations"
                        + " where consultation_id = ?").setParameter(1, id).getSingleResult());
            } else {
                responses = count("select count(*) from responses where consultation_id = ?4 and status = 'SUBMITTED'"
                        + " and submitted_at >= ?1 and submitted_at < ?2", query, id);
                long drafts = count("select count(*) from responses where consultation_id = ?4 and status = 'DRAFT'"
                        + " and saved_at >= ?1 and saved_at < ?2", query, id);
                started = responses + drafts;
                completion = percent(responses, started);
            }
            List<QuestionLine> questions = new ArrayList<>();
            for (Object[] q : rows("select q.position, q.code, q.text, (select count(distinct a.response_id)"
                    + " from response_answers a join responses r on r.id = a.response_id where r.consultation_id = q.consultation_id"
                    + " and r.status = 'SUBMITTED' and a.question_code = q.code"
                    + (anonymous ? "" : " and r.submitted_at >= ?1 and r.submitted_at < ?2")
                    + ") from questions q where q.consultation_id = ?4 order by q.position", query, id)) {
                questions.add(new QuestionLine((int) number(q[0]), (String) q[1], (String) q[2], number(q[3])));
            }
            lines.add(new ConsultationLine(id, (String) row[1], Optional.ofNullable((String) row[2]), anonymous,
                    responses, started, completion, questions));
        }
        return lines;
    }

    private List<EnvelopeLine> envelopes(KpiQuery query, List<DistrictRow> scoped, Map<String, Long> registeredByDistrict,
                                         Instant now) {
        StringBuilder sql = new StringBuilder("select e.id, k.id, k.name, e.district_code from envelopes e"
                + " join budget_calls k on k.id = e.call_id where k.submission_start < ?2 and k.vote_end > ?1");
        query.district().ifPresent(d -> sql.append(" and e.district_code = ?4"));
        sql.append(" order by k.submission_start, k.id, e.district_code nulls first");
        String themeFilter = query.theme().isPresent() ? " and p.theme_id = ?3" : "";
        List<EnvelopeLine> lines = new ArrayList<>();
        for (Object[] row : rows(sql.toString(), query, query.district().map(d -> d.value()).orElse(null))) {
            long envelope = number(row[0]);
            String district = (String) row[3];
            String projects = "select count(*) from budget_projects p where p.envelope_id = " + envelope + themeFilter;
            long submitted = count(projects + " and p.submitted_at is not null", query, null);
            long feasible = count(projects + " and p.status = 'FEASIBLE'", query, null);
            long onBallot = count(projects + " and p.on_ballot = true", query, null);
            long selected = count(projects + " and exists (select 1 from project_followups f where f.project_id = p.id)",
                    query, null);
            long delivered = count(projects + " and exists (select 1 from project_followups f where f.project_id = p.id"
                    + " and f.status = 'DELIVERED')", query, null);
            long supports = count("select count(*) from project_supports s join budget_projects p on p.id = s.project_id"
                    + " where p.envelope_id = " + envelope + themeFilter, query, null);
            Map<String, Long> channels = new HashMap<>();
            for (Object[] c : rows("select m.channel, count(*) from vote_marks m where m.envelope_id = ?4"
                    + " group by m.channel", query, envelope)) {
                channels.put((String) c[0], number(c[1]));
            }
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

    private Moderation moderation(KpiQuery query) {
        String district = query.district().map(d -> d.value()).orElse(null);
        String commentDistrict = "coalesce(e.district_code, k.district_code, d.code)";
        long comments = count("select count(*) from comments c"
                + " left join budget_projects p on c.target_kind = 'BUDGET_PROJECT' and p.id = c.target_id"
                + " left join envelopes e on e.id = p.envelope_id"
                + " left join consultations k on c.target_kind = 'CONSULTATION' and k.id = c.target_id"
                + " left join council_news n on c.target_kind = 'COUNCIL_POST' and n.id = c.target_id"
                + " left join council_ideas i on c.target_kind = 'COUNCIL_IDEA' and i.id = c.target_id"
                + " left join councils o on o.id = coalesce(n.council_id, i.council_id)"
                + " left join neighbourhoods h on h.id = o.neighbourhood_id"
                + " left join districts d on d.id = h.district_id"
                + " where c.created_at >= ?1 and c.created_at < ?2"
                + (district == null ? "" : " and " + commentDistrict + " = ?4"), query, district);
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

    private Map<String, RegisterEntry> register() {
        Map<String, RegisterEntry> entries = new HashMap<>();
        for (Object row : em.createNativeQuery("select id, account, district_code, birth_year, enlisted_at"
                + " from residents").getResultList()) {
            Object[] r = (Object[]) row;
            String key = r[1] != null ? (String) r[1] : "register:" + number(r[0]);
            entries.put(key, new RegisterEntry(r[1] != null, (String) r[2],
                    r[3] == null ? null : (int) number(r[3]), instant(r[4])));
        }
        return entries;
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

    static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
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

    private static LocalDate monday(Instant at) {
        return at.atZone(Period.CITY_ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static WeekCount week(LocalDate monday, long count) {
        return new WeekCount(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, count);
    }

    /** One act of a person; {@code district}: the person's district the act recorded, if it did (a response does). */
    private record Activity(String person, Capability capability, Instant at, String district) {
    }

    private record RegisterEntry(boolean account, String district, Integer birthYear, Instant enlistedAt) {
        static final RegisterEntry NONE = new RegisterEntry(false, null, null, Instant.EPOCH);
    }

    private record DistrictRow(String code, String name, long population) {
    }
}
