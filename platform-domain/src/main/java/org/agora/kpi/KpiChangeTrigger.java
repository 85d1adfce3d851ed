package org.agora.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.agora.shared.Period;
import org.h2.api.Trigger;

/**
 * H2's triggers of migration {@code db/vendor/h2/V33}: note in {@code kpi_changes} what a change of a participation
 * table touches of the KPIs' kept rows ({@link KeptParticipation}), by the same rules as the PostgreSQL functions of
 * that version: the days (Paris time) of dated acts, a budget call's support or vote of one person, a register entry.
 */
public class KpiChangeTrigger implements Trigger {

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table.toLowerCase(Locale.ROOT);
        try (ResultSet r = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (r.next()) {
                columns.put(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), r.getInt("ORDINAL_POSITION") - 1);
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] old, Object[] row) throws SQLException {
        switch (table) {
            case "responses" -> dated(connection, old, row, "submitted_at",
                    List.of("status", "respondent", "submitted_at", "saved_at", "district_code", "consultation_id"));
            case "budget_projects" -> dated(connection, old, row, "submitted_at",
                    List.of("submitted_at", "theme_id", "envelope_id"));
            case "comments" -> dated(connection, old, row, "created_at", List.of("author", "created_at"));
            case "council_memberships" -> dated(connection, old, row, "asked_at", List.of("username", "status", "asked_at"));
            case "meeting_registrations" -> dated(connection, old, row, "registered_at",
                    List.of("username", "status", "registered_at"));
            case "project_authors" -> {
                for (Object[] r : new Object[][] {old, row}) {
                    if (r != null) {
                        day(connection, projectSubmittedAt(connection, r[columns.get("project_id")]));
                    }
                }
            }
            case "project_supports" -> {
                for (Object[] r : new Object[][] {old, row}) {
                    if (r != null) {
                        insert(connection, "insert into kpi_changes (call_id, capability, person) select e.call_id,"
                                + " 'BUDGET_PROJECT', ? from budget_projects x join envelopes e on e.id = x.envelope_id"
                                + " where x.id = ?", value(r, "supporter"), value(r, "project_id"));
                    }
                }
            }
            case "vote_marks" -> {
                for (Object[] r : new Object[][] {old, row}) {
                    if (r != null) {
                        insert(connection, "insert into kpi_changes (call_id, capability, person) select ?, 'BUDGET_VOTE',"
                                + " coalesce(r.account, concat('register:', cast(r.id as varchar(20)))) from residents r"
                                + " where r.id = ?", value(r, "call_id"), value(r, "resident_id"));
                    }
                }
            }
            case "residents" -> resident(connection, old, row);
            default -> throw new SQLException("no KPI changes are noted for the table " + table);
        }
    }

    private void dated(Connection connection, Object[] old, Object[] row, String at, List<String> watched)
            throws SQLException {
        if (old != null && row != null && watched.stream().allMatch(c -> Objects.equals(value(old, c), value(row, c)))) {
            return;
        }
        LocalDate before = old == null ? null : parisDay(value(old, at));
        LocalDate after = row == null ? null : parisDay(value(row, at));
        day(connection, before);
        if (after != null && !after.equals(before)) {
            day(connection, after);
        }
    }

    private void resident(Connection connection, Object[] old, Object[] row) throws SQLException {
        if (old != null && row != null && List.of("account", "district_code", "birth_year", "enlisted_at").stream()
                .allMatch(c -> Objects.equals(value(old, c), value(row, c)))) {
            return;
        }
        for (Object[] r : new Object[][] {old, row}) {
            if (r != null) {
                insert(connection, "insert into kpi_changes (person) values (?)", personOf(r));
            }
        }
        if (old != null && row != null && !Objects.equals(value(old, "account"), value(row, "account"))) {
            for (String person : List.of(personOf(old), personOf(row))) {
                insert(connection, "insert into kpi_changes (call_id, capability, person) select call_id, 'BUDGET_VOTE', ?"
                        + " from vote_marks where resident_id = ?", person, value(row, "id"));
            }
        }
    }

    private String personOf(Object[] resident) {
        Object account = value(resident, "account");
        return account != null ? account.toString() : "register:" + value(resident, "id");
    }

    private Object value(Object[] row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalStateException("no column " + column + " in " + table);
        }
        return row[index];
    }

    private static Object projectSubmittedAt(Connection connection, Object project) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select submitted_at from budget_projects where id = ?")) {
            s.setObject(1, project);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    private static void day(Connection connection, Object at) throws SQLException {
        LocalDate day = at instanceof LocalDate d ? d : parisDay(at);
        if (day != null) {
            insert(connection, "insert into kpi_changes (act_day) values (?)", day);
        }
    }

    static LocalDate parisDay(Object at) {
        if (at == null) {
            return null;
        }
        if (at instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(Period.CITY_ZONE).toLocalDate();
        }
        if (at instanceof java.time.Instant i) {
            return i.atZone(Period.CITY_ZONE).toLocalDate();
        }
        if (at instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(Period.CITY_ZONE).toLocalDate();
        }
        throw new IllegalStateException("not a time: " + at.getClass());
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
