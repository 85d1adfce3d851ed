package org.agora.audience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * The stored audience ({@code audience_counts}): batches of counts added to what is there, in one transaction and in
 * the same key order on every instance, so that several instances' batches add up (PostgreSQL: {@code INSERT ... ON
 * CONFLICT DO UPDATE}, atomic against another instance inserting the same row; H2: {@code MERGE}); and the sums the
 * KPIs read.
 */
@ApplicationScoped
public class AudienceCounts {

    private static final String POSTGRES = "insert into audience_counts (counted_on, page, capability, district, views,"
            + " visitors, signed_in_visitors) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (counted_on, page, capability,"
            + " district) do update set views = audience_counts.views + excluded.views,"
            + " visitors = audience_counts.visitors + excluded.visitors,"
            + " signed_in_visitors = audience_counts.signed_in_visitors + excluded.signed_in_visitors";
    private static final String H2 = "merge into audience_counts t using (values (cast(?1 as date),"
            + " cast(?2 as varchar(120)), cast(?3 as varchar(20)), cast(?4 as varchar(32)), cast(?5 as bigint),"
            + " cast(?6 as bigint), cast(?7 as bigint))) s (counted_on, page, capability, district, views, visitors, signed_in)"
            + " on t.counted_on = s.counted_on and t.page = s.page and t.capability = s.capability and t.district = s.district"
            + " when matched then update set views = t.views + s.views, visitors = t.visitors + s.visitors,"
            + " signed_in_visitors = t.signed_in_visitors + s.signed_in"
            + " when not matched then insert (counted_on, page, capability, district, views, visitors, signed_in_visitors)"
            + " values (s.counted_on, s.page, s.capability, s.district, s.views, s.visitors, s.signed_in)";

    private EntityManager em;
    private volatile String upsert;

    protected AudienceCounts() {
        // for CDI
    }

    @Inject
    public AudienceCounts(EntityManager em) {
        this.em = em;
    }

    /** Adds a batch of counts to the stored ones, in one transaction; returns how many rows it wrote. */
    @Transactional
    public int add(Collection<AudienceCount> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<AudienceCount> ordered = new ArrayList<>(batch);
        ordered.sort(AudienceCount.KEY_ORDER);
        String sql = upsert();
        for (AudienceCount c : ordered) {
            em.createNativeQuery(sql).setParameter(1, c.day()).setParameter(2, c.page())
                    .setParameter(3, c.capability()).setParameter(4, c.district()).setParameter(5, c.views())
                    .setParameter(6, c.visitors()).setParameter(7, c.signedInVisitors()).executeUpdate();
        }
        return ordered.size();
    }

    private String upsert() {
        String sql = upsert;
        if (sql == null) {
            try {
                Connection connection = em.unwrap(Connection.class);
                String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                sql = product.contains("postgres") ? POSTGRES : H2;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database stores the audience", e);
            }
            upsert = sql;
        }
        return sql;
    }

    /**
     * The sums of the days {@code from} to {@code to} (both included) in the city or one district: per page (with its
     * capability), per capability ({@code page} {@link AudienceCount#ALL}) and in all (both {@code ALL}); the day
     * is {@code from} on every row.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceCount> sums(LocalDate from, LocalDate to, Optional<DistrictCode> district) {
        Query query = em.createNativeQuery("select page, capability, sum(views), sum(visitors),"
                + " sum(signed_in_visitors) from audience_counts where counted_on >= ?1 and counted_on <= ?2 and district = ?3"
                + " group by page, capability order by page, capability");
        List<AudienceCount> sums = new ArrayList<>();
        for (Object[] row : rows(query, from, to, district)) {
            sums.add(new AudienceCount(from, (String) row[0], (String) row[1], scope(district), number(row[2]),
                    number(row[3]), number(row[4])));
        }
        return sums;
    }

    /** The totals over all pages of each day from {@code from} to {@code to} that has any, in the city or a district. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceCount> days(LocalDate from, LocalDate to, Optional<DistrictCode> district) {
        Query query = em.createNativeQuery("select counted_on, views, visitors, signed_in_visitors from audience_counts"
                + " where counted_on >= ?1 and counted_on <= ?2 and district = ?3 and page = '*' and capability = '*'"
                + " order by counted_on");
        List<AudienceCount> days = new ArrayList<>();
        for (Object[] row : rows(query, from, to, district)) {
            days.add(new AudienceCount(date(row[0]), AudienceCount.ALL, AudienceCount.ALL, scope(district),
                    number(row[1]), number(row[2]), number(row[3])));
        }
        return days;
    }

    private static List<Object[]> rows(Query query, LocalDate from, LocalDate to, Optional<DistrictCode> district) {
        List<?> result = query.setParameter(1, from).setParameter(2, to).setParameter(3, scope(district)).getResultList();
        List<Object[]> rows = new ArrayList<>();
        for (Object row : result) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    private static String scope(Optional<DistrictCode> district) {
        return district.map(DistrictCode::value).orElse(AudienceCount.ALL);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        throw new IllegalStateException("not a day: " + value.getClass());
    }
}
