package org.agora.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The values of a native query's row as Java's: a time as H2 and PostgreSQL's drivers give it (a timestamp, an
 * offset or zoned date-time), a count or sum as whatever number type they chose.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }
}
