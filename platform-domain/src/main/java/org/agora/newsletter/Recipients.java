package org.agora.newsletter;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agora.notification.NotificationKind;
import org.agora.shared.DistrictCode;

/**
 * The one query behind the count shown before sending and the sending itself: the accounts that opted in to the
 * newsletter (by e-mail; off by default), and, as the {@link Audience} says, live in one of its districts (the
 * register of residents' district), follow one of its themes, and took part as its filter says. Participation is read
 * from the marks of who took part only: {@code vote_marks} (never a ballot), {@code consultation_participations},
 * council members. Residents blocked by moderation still receive newsletters (a block stops contributing, not being
 * informed). Whether the account has an e-mail address is known when each mail is sent (the platform keeps no copy
 * of addresses): the worker reports a mail without one as failed.
 */
final class Recipients {

    private final EntityManager em;
    private final Audience audience;

    Recipients(EntityManager em, Audience audience) {
        this.em = em;
        this.audience = audience;
    }

    /** How many people the newsletter would reach now. */
    long count() {
        Where where = where(Optional.empty());
        return ((Number) bind(em.createNativeQuery("select count(*) from notification_choices c" + where.sql), where)
                .getSingleResult()).longValue();
    }

    /** The next people after {@code after} (usernames in the database's order), at most {@code max}. */
    List<String> next(Optional<String> after, int max) {
        Where where = where(after);
        List<?> rows = bind(em.createNativeQuery("select c.person from notification_choices c" + where.sql
                + " order by c.person"), where).setMaxResults(max).getResultList();
        return rows.stream().map(Object::toString).toList();
    }

    private record Where(String sql, List<Object> values) {
    }

    private Where where(Optional<String> after) {
        StringBuilder sql = new StringBuilder(" where c.kind = ? and c.by_email = ?");
        List<Object> values = new ArrayList<>(List.of(NotificationKind.NEWSLETTER.name(), true));
        if (!audience.districts().isEmpty()) {
            sql.append(" and exists (select 1 from residents r where r.account = c.person and r.district_code in (")
                    .append(marks(audience.districts().size())).append("))");
            audience.districts().stream().map(DistrictCode::value).sorted().forEach(values::add);
        }
        if (!audience.themes().isEmpty()) {
            sql.append(" and exists (select 1 from followed_themes f where f.person = c.person and f.theme_id in (")
                    .append(marks(audience.themes().size())).append("))");
            audience.themes().stream().sorted().forEach(values::add);
        }
        audience.participation().ifPresent(filter -> {
            sql.append(switch (filter.kind()) {
                case VOTED_IN_CALL -> " and exists (select 1 from vote_marks v join residents rv on rv.id = v.resident_id"
                        + " where rv.account = c.person and v.call_id = ?)";
                case ANSWERED_CONSULTATION -> " and exists (select 1 from consultation_participations p"
                        + " where p.respondent = c.person and p.consultation_id = ?)";
                case COUNCIL_MEMBER -> " and exists (select 1 from council_memberships m"
                        + " where m.username = c.person and m.council_id = ? and m.status = 'MEMBER')";
            });
            values.add(filter.id());
        });
        after.ifPresent(person -> {
            sql.append(" and c.person > ?");
            values.add(person);
        });
        return new Where(sql.toString(), values);
    }

    private static Query bind(Query query, Where where) {
        for (int i = 0; i < where.values.size(); i++) {
            query.setParameter(i + 1, where.values.get(i));
        }
        return query;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
