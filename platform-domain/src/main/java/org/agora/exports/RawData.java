package org.agora.exports;

import static org.agora.shared.SqlValues.instant;
import static org.agora.shared.SqlValues.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.kpi.KpiPermissions;
import org.agora.kpi.KpiQuery;
import org.agora.shared.Actor;
import org.agora.shared.Period;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The raw-data tables of a period and scope ({@link RawTable}), read a page at a time with keyset pagination (each
 * page a short query that starts after the last row of the one before: no offset, no long transaction, no whole table
 * in memory), for whoever may read the KPIs of that scope ({@link KpiPermissions}). No row names a person:
 * <ul>
 *   <li><b>answers</b>: the answers of submitted responses to the consultations of the scope (as the KPIs count them:
 *       open in the period, of the district for a district, of the theme), those submitted in the period (all of an
 *       anonymous consultation's, which keep no time but its closing). A response is a number from 1 within its
 *       consultation, in the order of its stored id, never the id itself. A free-text answer's text is written only
 *       if the public already reads it: results published, the question's texts published, the text approved (a text
 *       hidden by moderation is not); otherwise the row is there with no text. Free text can name people;</li>
 *   <li><b>ballots</b>: for each envelope of the scope whose results are public, the ballots choosing each project and
 *       their points, per channel; a channel with fewer ballots than {@code agora.kpi.mask-threshold} is merged with
 *       the next smallest (written {@code DESK+PAPER}) until every group holds that many, so that the few people who
 *       voted at a desk or on paper, whom the register names, cannot be matched to their choices (the public results
 *       give each project's total, so dropping a small channel would not do: it could be subtracted back);</li>
 *   <li><b>comments</b>: per commented item, the comments written in the period, hidden and deleted ones among
 *       them, first and last day; the item's district as the KPIs find it; the theme filter does not apply;</li>
 *   <li><b>meetings</b>: per council meeting planned in the period, its registrations (seats, waiting list) and the
 *       attendance its minutes recorded.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RawData {

    /**
     * Rows read per query: PostgreSQL reads 5,000 answers in 7 ms where 1,000 take 4 to 5 ms (its work a query
     * besides the rows), and a page of 5,000 rows is a few megabytes (docs/performance.md, Run K).
     */
    public static final int PAGE_SIZE = 5000;

    private EntityManager em;
    private int maskThreshold;

    protected RawData() {
        // for CDI
    }

    @Inject
    public RawData(EntityManager em,
                   @ConfigProperty(name = "agora.kpi.mask-threshold", defaultValue = "5") int maskThreshold) {
        if (maskThreshold < 1) {
            throw new IllegalArgumentException("agora.kpi.mask-threshold must be at least 1, not " + maskThreshold);
        }
        this.em = em;
        this.maskThreshold = maskThreshold;
    }

    /** Counts under this are merged (ballots' channels): {@code agora.kpi.mask-threshold}. */
    public int maskThreshold() {
        return maskThreshold;
    }

    /** Receives the rows of a table, in order. */
    @FunctionalInterface
    public interface Rows {
        void row(List<Object> values) throws IOException;
    }

    /**
     * How many rows {@link #read} will give (for answers, comments and meetings exactly; for ballots an upper bound,
     * as small channels are merged).
     */
    public long count(Actor actor, RawTable table, KpiQuery query, Instant now) {
        KpiPermissions.checkRead(actor, query);
        return switch (table) {
            case ANSWERS -> {
                long rows = 0;
                for (ConsultationRow c : consultations(query)) {
                    rows += number(nativeQuery("select count(*) from responses r join response_answers a"
                            + " on a.response_id = r.id where r.consultation_id = ?1 and r.status = 'SUBMITTED'"
                            + (c.anonymous ? "" : " and r.submitted_at >= ?4 and r.submitted_at < ?5"), c.id, null, null,
                            query.start(), query.end(), null).getSingleResult());
                }
                yield rows;
            }
            case BALLOTS -> {
                long rows = 0;
                for (EnvelopeRow e : envelopes(query, now)) {
                    rows += number(nativeQuery("select count(*) from (select distinct c.project_id, b.channel"
                            + " from ballot_choices c join ballots b on b.id = c.ballot_id join budget_projects p"
                            + " on p.id = c.project_id where b.envelope_id = ?1" + themeFilter(query) + ") s", e.id,
                            null, null, null, null, query).getSingleResult());
                }
                yield rows;
            }
            case COMMENTS -> number(nativeQuery("select count(*) from (select c.target_kind, c.target_id"
                    + COMMENTS_FROM + commentsWhere(query) + " group by c.target_kind, c.target_id) s",
                    null, null, null, query.start(), query.end(), query).getSingleResult());
            case MEETINGS -> number(nativeQuery("select count(*)" + MEETINGS_FROM + meetingsWhere(query),
                    null, null, null, query.start(), query.end(), query).getSingleResult());
        };
    }

    /** Reads the table's rows in order, {@link #PAGE_SIZE} a query, handing each to {@code rows}; how many. */
    public long read(Actor actor, RawTable table, KpiQuery query, Instant now, Rows rows) throws IOException {
        return read(actor, table, query, now, PAGE_SIZE, rows);
    }

    /** The same, {@code pageSize} rows a query. */
    public long read(Actor actor, RawTable table, KpiQuery query, Instant now, int pageSize, Rows rows)
            throws IOException {
        KpiPermissions.checkRead(actor, query);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        return switch (table) {
            case ANSWERS -> answers(query, pageSize, rows);
            case BALLOTS -> ballots(query, now, rows);
            case COMMENTS -> comments(query, pageSize, rows);
            case MEETINGS -> meetings(query, now, pageSize, rows);
        };
    }

    // --- answers ---

    private record ConsultationRow(long id, String title, String district, boolean anonymous, boolean published) {
    }

    private List<ConsultationRow> consultations(KpiQuery query) {
        StringBuilder sql = new StringBuilder("select x.id, x.title, x.district_code, x.anonymous, x.status"
                + " from consultations x where x.status not in ('DRAFT', 'SCHEDULED') and x.opens_at < ?5"
                + " and x.closes_at > ?4");
        query.theme().ifPresent(t -> sql.append(" and x.theme_id = ?6"));
        query.district().ifPresent(d -> sql.append(" and x.district_code = ?7"));
        sql.append(" order by x.opens_at, x.id");
        List<ConsultationRow> rows = new ArrayList<>();
        for (Object[] r : list(nativeQuery(sql.toString(), null, null, null, query.start(), query.end(),
                query))) {
            rows.add(new ConsultationRow(number(r[0]), (String) r[1], (String) r[2], Boolean.TRUE.equals(r[3]),
                    "RESULTS_PUBLISHED".equals(r[4])));
        }
        return rows;
    }

    private long answers(KpiQuery query, int pageSize, Rows rows) throws IOException {
        long written = 0;
        for (ConsultationRow c : consultations(query)) {
            Set<String> publishedTexts = c.published ? list(em.createNativeQuery("select q.code, q.publication"
                            + " from questions q where q.consultation_id = ?1").setParameter(1, c.id)).stream()
                    .filter(q -> "FIGURES_AND_TEXTS".equals(q[1])).map(q -> (String) q[0]).collect(Collectors.toSet())
                    : Set.of();
            Map<String, String> labels = new HashMap<>();
            for (Object[] o : list(em.createNativeQuery("select q.code, o.role, o.code, o.label from question_options o"
                    + " join questions q on q.id = o.question_id where q.consultation_id = ?1").setParameter(1, c.id))) {
                labels.put(o[0] + "|" + o[1] + "|" + o[2], (String) o[3]);
            }
            String sql = "select r.id, a.position, r.district_code, r.submitted_at, a.question_code, a.row_code,"
                    + " a.option_code, a.rank_position, a.number_value, a.text_value, a.text_approved"
                    + " from responses r join response_answers a on a.response_id = r.id"
                    + " where r.consultation_id = ?1 and r.status = 'SUBMITTED' and r.id >= ?2"
                    + " and (r.id > ?2 or a.position > ?3)"
                    + (c.anonymous ? "" : " and r.submitted_at >= ?4 and r.submitted_at < ?5")
                    + " order by r.id, a.position";
            long lastId = Long.MIN_VALUE;
            long lastPosition = Long.MIN_VALUE;
            long response = 0;
            long currentId = Long.MIN_VALUE;
            List<Object[]> page;
            do {
                // the page's keyset and size written in its text, not bound: the database then plans each page for
                // its values and its limit. Without the limit in the text (setMaxResults only stops the reading) it
                // planned for every remaining row, and bound values let PostgreSQL plan the prepared statement once
                // for any: either way it read and sorted the rest of the consultation for every page (50 to 260 ms a
                // page against 1 ms on the bench's million answers: docs/performance.md, Run J). Numbers only
                String keyset = sql.replace("?1", bigint(c.id)).replace("?2", bigint(lastId))
                        .replace("?3", bigint(lastPosition)) + " limit " + pageSize;
                page = list(nativeQuery(keyset, null, null, null, query.start(), query.end(), null));
                for (Object[] r : page) {
                    long id = number(r[0]);
                    if (id != currentId || response == 0) {
                        response++;
                        currentId = id;
                    }
                    String question = (String) r[4];
                    String row = (String) r[5];
                    String option = (String) r[6];
                    String label = option == null ? null
                            : labels.getOrDefault(question + "|" + (row == null ? "OPTION" : "COLUMN") + "|" + option, null);
                    boolean textShown = r[9] != null && Boolean.TRUE.equals(r[10]) && publishedTexts.contains(question);
                    rows.row(Arrays.asList(c.id, c.title, c.district, c.anonymous, response,
                            day(r[3]), r[2], question, row, option, label,
                            r[7] == null ? null : number(r[7]),
                            r[8] == null ? null : decimal(r[8]),
                            textShown ? (String) r[9] : null));
                    written++;
                    lastId = id;
                    lastPosition = number(r[1]);
                }
            } while (page.size() == pageSize);
        }
        return written;
    }

    // --- ballots ---

    private record EnvelopeRow(long id, long call, String name, long year, String district) {
    }

    /** An envelope whose results are public: the exports give its ballots (and its Pabulib file). */
    public record PublicEnvelope(long id, long callId, String call, long year, java.util.Optional<String> district) {
    }

    /** The envelopes of the scope whose results are public, in the order of their calls. */
    public List<PublicEnvelope> publicEnvelopes(Actor actor, KpiQuery query, Instant now) {
        KpiPermissions.checkRead(actor, query);
        return envelopes(query, now).stream().map(e -> new PublicEnvelope(e.id, e.call, e.name, e.year,
                java.util.Optional.ofNullable(e.district))).toList();
    }

    private List<EnvelopeRow> envelopes(KpiQuery query, Instant now) {
        StringBuilder sql = new StringBuilder("select e.id, k.id, k.name, k.budget_year, e.district_code from envelopes e"
                + " join budget_calls k on k.id = e.call_id where k.submission_start < ?5 and k.vote_end > ?4"
                + " and k.results_from <= ?1");
        query.district().ifPresent(d -> sql.append(" and e.district_code = ?7"));
        sql.append(" order by k.submission_start, k.id, e.district_code nulls first");
        List<EnvelopeRow> rows = new ArrayList<>();
        for (Object[] r : list(nativeQuery(sql.toString(), utc(now), null, null, query.start(),
                query.end(), query))) {
            rows.add(new EnvelopeRow(number(r[0]), number(r[1]), (String) r[2], number(r[3]), (String) r[4]));
        }
        return rows;
    }

    /** The channels of the ballots, in the order the register knows them. */
    enum Channel {
        ONLINE, DESK, PAPER
    }

    private long ballots(KpiQuery query, Instant now, Rows rows) throws IOException {
        long written = 0;
        for (EnvelopeRow e : envelopes(query, now)) {
            Map<Channel, Long> perChannel = new EnumMap<>(Channel.class);
            for (Object[] r : list(em.createNativeQuery("select b.channel, count(*) from ballots b where b.envelope_id = ?1"
                    + " group by b.channel").setParameter(1, e.id))) {
                perChannel.put(Channel.valueOf((String) r[0]), number(r[1]));
            }
            Map<Channel, String> groups = channelGroups(perChannel, maskThreshold);
            // one envelope's projects and channels at a time: at most projects x 3 rows in memory
            Map<Long, Map<String, long[]>> byProject = new java.util.TreeMap<>();
            Map<Long, String> titles = new HashMap<>();
            for (Object[] r : list(nativeQuery("select p.id, p.title, b.channel, count(*), sum(c.points)"
                    + " from ballot_choices c join ballots b on b.id = c.ballot_id join budget_projects p"
                    + " on p.id = c.project_id where b.envelope_id = ?1" + themeFilter(query)
                    + " group by p.id, p.title, b.channel", e.id, null, null, null, null, query))) {
                long project = number(r[0]);
                titles.put(project, (String) r[1]);
                String group = groups.get(Channel.valueOf((String) r[2]));
                long[] sums = byProject.computeIfAbsent(project, p -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(group, g -> new long[2]);
                sums[0] += number(r[3]);
                sums[1] += number(r[4]);
            }
            List<String> order = groups.values().stream().distinct().toList();
            for (Map.Entry<Long, Map<String, long[]>> project : byProject.entrySet()) {
                for (String group : order) {
                    long[] sums = project.getValue().get(group);
                    if (sums != null) {
                        rows.row(Arrays.asList(e.call, e.name, e.year, e.district, project.getKey(),
                                titles.get(project.getKey()), group, sums[0], sums[1]));
                        written++;
                    }
                }
            }
        }
        return written;
    }

    /**
     * The group each channel's ballots are written under: every channel alone while it holds at least
     * {@code threshold} ballots; a smaller one merged with the next smallest, until every group holds that many or
     * only one is left. Channels without ballots have no group.
     */
    static Map<Channel, String> channelGroups(Map<Channel, Long> ballots, int threshold) {
        List<List<Channel>> groups = new ArrayList<>();
        ballots.forEach((channel, count) -> {
            if (count > 0) {
                groups.add(new ArrayList<>(List.of(channel)));
            }
        });
        java.util.function.ToLongFunction<List<Channel>> size = g -> g.stream().mapToLong(ballots::get).sum();
        while (groups.size() > 1) {
            groups.sort(java.util.Comparator.<List<Channel>>comparingLong(size).thenComparing(g -> g.get(0)));
            if (size.applyAsLong(groups.get(0)) >= threshold) {
                break;
            }
            List<Channel> smallest = groups.remove(0);
            groups.get(0).addAll(smallest);
        }
        Map<Channel, String> names = new EnumMap<>(Channel.class);
        for (List<Channel> group : groups) {
            String name = group.stream().sorted().map(Enum::name).collect(Collectors.joining("+"));
            group.forEach(channel -> names.put(channel, name));
        }
        return names;
    }

    // --- comments ---

    /** A comment's item and district, as the KPIs find them. */
    private static final String COMMENTS_FROM = org.agora.kpi.CommentItems.FROM;

    private static final String COMMENT_DISTRICT = org.agora.kpi.CommentItems.DISTRICT;

    private static String commentsWhere(KpiQuery query) {
        return " where c.created_at >= ?4 and c.created_at < ?5"
                + (query.district().isPresent() ? " and " + COMMENT_DISTRICT + " = ?7" : "");
    }

    private long comments(KpiQuery query, int pageSize, Rows rows) throws IOException {
        String sql = "select c.target_kind, c.target_id, max(" + COMMENT_DISTRICT + "), count(*),"
                + " sum(case when c.hidden_state = 'HIDDEN' then 1 else 0 end),"
                + " sum(case when c.status = 'DELETED' then 1 else 0 end), min(c.created_at), max(c.created_at)"
                + COMMENTS_FROM + commentsWhere(query)
                + " and (c.target_kind > ?2 or (c.target_kind = ?2 and c.target_id > ?3))"
                + " group by c.target_kind, c.target_id order by c.target_kind, c.target_id";
        String lastKind = "";
        long lastId = Long.MIN_VALUE;
        long written = 0;
        List<Object[]> page;
        do {
            // the page's size in the statement's text, so that it is planned for a page (see answers)
            page = list(nativeQuery(sql + " limit " + pageSize, null, lastKind, lastId, query.start(), query.end(),
                    query));
            for (Object[] r : page) {
                rows.row(Arrays.asList(r[0], number(r[1]), r[2], number(r[3]), number(r[4]), number(r[5]), day(r[6]),
                        day(r[7])));
                written++;
                lastKind = (String) r[0];
                lastId = number(r[1]);
            }
        } while (page.size() == pageSize);
        return written;
    }

    // --- meetings ---

    private static final String MEETINGS_FROM = " from council_meetings g join councils o on o.id = g.council_id"
            + " join neighbourhoods h on h.id = o.neighbourhood_id join districts d on d.id = h.district_id";

    private static String meetingsWhere(KpiQuery query) {
        return " where g.starts_at >= ?4 and g.starts_at < ?5"
                + (query.district().isPresent() ? " and d.code = ?7" : "");
    }

    private long meetings(KpiQuery query, Instant now, int pageSize, Rows rows) throws IOException {
        String sql = "select o.id, o.name, d.code, g.id, g.starts_at, g.cancelled_at, g.members_only, g.capacity,"
                + " (select count(*) from meeting_registrations r where r.meeting_id = g.id and r.status = 'REGISTERED'),"
                + " (select count(*) from meeting_registrations r where r.meeting_id = g.id and r.status = 'WAITING'),"
                + " g.attendance" + MEETINGS_FROM + meetingsWhere(query)
                + " and (g.starts_at > ?2 or (g.starts_at = ?2 and g.id > ?3)) order by g.starts_at, g.id";
        OffsetDateTime lastStart = utc(query.start().minusSeconds(1));
        long lastId = Long.MIN_VALUE;
        long written = 0;
        List<Object[]> page;
        do {
            page = list(nativeQuery(sql + " limit " + pageSize, null, lastStart, lastId, query.start(), query.end(),
                    query));
            for (Object[] r : page) {
                Instant starts = instant(r[4]);
                boolean cancelled = r[5] != null;
                rows.row(Arrays.asList(number(r[0]), r[1], r[2], number(r[3]), day(r[4]),
                        !cancelled && starts.isBefore(now), cancelled, Boolean.TRUE.equals(r[6]),
                        r[7] == null ? null : number(r[7]), number(r[8]), number(r[9]),
                        r[10] == null ? null : number(r[10])));
                written++;
                lastStart = utc(starts);
                lastId = number(r[3]);
            }
        } while (page.size() == pageSize);
        return written;
    }

    // --- helpers ---

    private static String themeFilter(KpiQuery query) {
        return query.theme().isPresent() ? " and p.theme_id = ?6" : "";
    }

    /**
     * Binds the parameters a statement names: ?1 to ?3 the given values, ?4 and ?5 the period's bounds, ?6 the theme
     * and ?7 the district of the query.
     */
    private Query nativeQuery(String sql, Object first, Object second, Object third, Instant start, Instant end,
                        KpiQuery query) {
        Query q = em.createNativeQuery(sql);
        setIfNamed(q, sql, 1, first);
        setIfNamed(q, sql, 2, second);
        setIfNamed(q, sql, 3, third);
        if (start != null) {
            setIfNamed(q, sql, 4, utc(start));
        }
        if (end != null) {
            setIfNamed(q, sql, 5, utc(end));
        }
        if (query != null) {
            query.theme().ifPresent(t -> setIfNamed(q, sql, 6, t));
            query.district().ifPresent(d -> setIfNamed(q, sql, 7, d.value()));
        }
        return q;
    }

    /** A whole number as a literal of the statement's text. */
    private static String bigint(long value) {
        return "cast(" + value + " as bigint)";
    }

    private static void setIfNamed(Query q, String sql, int position, Object value) {
        if (sql.contains("?" + position)) {
            q.setParameter(position, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> list(Query query) {
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] {row});
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate day(Object value) {
        return value == null ? null : instant(value).atZone(Period.CITY_ZONE).toLocalDate();
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
