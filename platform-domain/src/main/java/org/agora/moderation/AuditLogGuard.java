package org.agora.moderation;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's trigger on {@code audit_log} (migration {@code db/vendor/h2/V20}): refuses every UPDATE and DELETE of a row, as
 * the PostgreSQL trigger does. H2 loads it by name from the class path it was loaded from (the WAR, the tests).
 */
public class AuditLogGuard implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "42501");
    }
}
