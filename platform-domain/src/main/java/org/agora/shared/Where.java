package org.agora.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL condition of a filtered list and its parameters, built from optional filters (a null value adds no
 * condition), so that one condition lists, counts and pages the same rows.
 */
public final class Where {

    private final StringBuilder condition;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Where(String condition) {
        this.condition = new StringBuilder(condition);
    }

    /** A condition that always holds, with its parameters added by {@link #with}. */
    public static Where of(String condition) {
        return new Where(condition);
    }

    /** Also this condition, naming parameter {@code :name}, unless the value is null (no filter then). */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            this.condition.append(" and ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Also this condition, when {@code applies}. */
    public Where and(boolean applies, String condition) {
        if (applies) {
            this.condition.append(" and ").append(condition);
        }
        return this;
    }

    /** The value of a parameter that the first condition names. */
    public Where with(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** {@code select <alias> from <from> where ... order by <orderBy>}: every matching row. */
    public <T> List<T> list(EntityManager em, String alias, String from, String orderBy, Class<T> type) {
        return query(em, "select " + alias + " from " + from, " order by " + orderBy, type).getResultList();
    }

    /** How many rows match. */
    public long count(EntityManager em, String alias, String from) {
        return query(em, "select count(" + alias + ") from " + from, "", Long.class).getSingleResult();
    }

    /** One page of the matching rows in this order, with how many match in all. */
    public <T> Page<T> page(EntityManager em, String alias, String from, String orderBy, Class<T> type,
                            PageRequest request) {
        long total = count(em, alias, from);
        List<T> items = total <= request.offset() ? List.of()
                : query(em, "select " + alias + " from " + from, " order by " + orderBy, type)
                .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return new Page<>(items, total, request.number(), request.size());
    }

    /** {@code <select> where ... <tail>}, with the parameters bound. */
    public <T> TypedQuery<T> query(EntityManager em, String select, String tail, Class<T> type) {
        TypedQuery<T> query = em.createQuery(select + " where " + condition + tail, type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
