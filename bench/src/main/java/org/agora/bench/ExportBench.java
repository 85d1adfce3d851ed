package org.agora.bench;

import static org.agora.bench.BenchConsole.say;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.agora.exports.ExportProducer;
import org.agora.exports.RawData;
import org.agora.exports.RawTable;
import org.agora.reports.KpiTexts;
import org.agora.reports.RawSource;
import org.agora.reports.RawWorkbook;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The exports benchmark (issue 15), run by bench/exports against a Keycloak and a Payara Micro at -Xmx256m it started
 * on PostgreSQL: a million consultation answers and 300,000 ballots (with their register, comments and meetings) are
 * seeded with generate_series; the raw answers sheet and the whole raw-data workbook are exported through the app's
 * API (queued, polled, downloaded, their rows counted), the app's heap sampled with jstat all along; the same answer
 * rows are then written from memory with POI's SXSSF in this JVM, without the database, for the ratio; the dashboard's
 * KPI request is timed on that data. Every figure printed is measured in this run; exit code 1 when a check fails.
 */
public final class ExportBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long BASE = 900_000_000L;
    private static final int ANSWERS_PER_RESPONSE = 10;
    private static final int CONSULTATIONS = 5;

    private final Http http = new Http();
    private final String app = System.getProperty("bench.app", "http://127.0.0.1:8092");
    private final Keycloak keycloak = new Keycloak(http, System.getProperty("bench.keycloak", "http://127.0.0.1:8184"));
    private final Schema db = new Schema(System.getProperty("bench.jdbc"), System.getProperty("bench.db.user", "postgres"),
            System.getProperty("bench.db.password", ""));
    private final long answers = Long.getLong("bench.answers", 1_000_000);
    private final long ballots = Long.getLong("bench.ballots", 300_000);
    private final int kpiCalls = Integer.getInteger("bench.kpi-calls", 50);
    private final boolean exports = Boolean.parseBoolean(System.getProperty("bench.exports", "true"));
    private final double kpiRate = Double.parseDouble(System.getProperty("bench.kpi-rate", "2"));
    private final boolean keepData = Boolean.parseBoolean(System.getProperty("bench.keep-data", "false"));
    private long seededAt;
    private final int kpiSeconds = Integer.getInteger("bench.kpi-seconds", 30);
    private final long appPid = Long.getLong("bench.app-pid", 0);
    private final String heap = System.getProperty("bench.app-heap", "256m");
    private final Path work = Path.of(System.getProperty("bench.work", ".work/bench"));
    private final BenchConsole console = new BenchConsole();
    private final List<String> failures = new ArrayList<>();
    private final LocalDate today = LocalDate.now(PARIS);
    private final LocalDate from = today.minusDays(90);
    private String token;
    private long tokenAt;

    public static void main(String[] args) throws Exception {
        ExportBench bench = new ExportBench();
        try {
            bench.run();
        } catch (Exception | AssertionError e) {
            System.out.println();
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(bench.failures.isEmpty() ? 0 : 1);
    }


    private void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
            say("  CHECK FAILED: %s", what);
        }
    }

    private void run() throws Exception {
        if (keepData && seeded()) {
            say("== the rows of the previous run are kept (BENCH_KEEP_DATA=true): no seeding ==");
        } else {
            say("== seeding %,d consultation answers and %,d ballots (generate_series) ==", answers, ballots);
            long seedStart = System.nanoTime();
            List<String> districts = seed();
            say("  seeded in %.1f s; districts %s", (System.nanoTime() - seedStart) / 1e9, districts);
        }
        seededAt = System.nanoTime();

        if (exports) {
            exports();
        } else {
            say("== the exports are left out (BENCH_EXPORTS=false) ==");
        }

        say("== the KPIs' kept participation catching up with the seeded rows (the app's refresh, every 10 s) ==");
        keptCatchUp();
        say("== the dashboard's KPI request on that data (GET /api/kpis, %d calls back to back after 3 to warm up; no cache:"
                + " every call computes its figures) ==", kpiCalls);
        double ping = kpis("reference: GET /api/ping", app + "/api/ping", 0);
        kpis("the city", kpiUrl(""), ping);
        kpis("district nord", kpiUrl("&district=nord"), ping);
        kpisWithTodayChanged(ping);
        kpisOpenLoop();
        if (exports) {
            othersBesideAnExport();
        }

        boolean alive = http.get(app + "/health/ready", null).status() == 200;
        console.figure("the app at -Xmx%s after the exports: %s", heap, alive ? "up and ready" : "NOT READY");
        check(alive, "the app is still up");

        say("");
        say("== summary ==");
        console.summary().forEach(line -> say("  %s", line));
        if (!failures.isEmpty()) {
            say("FAILED CHECKS: %s", failures);
        }
    }

    private void exports() throws Exception {
        say("== the raw answers sheet through the app (-Xmx%s), twice: the first warms the JIT ==", heap);
        Export first = export("answers sheet, first", "RAW_WORKBOOK", "[\"answers\"]");
        Export second = export("answers sheet", "RAW_WORKBOOK", "[\"answers\"]");
        check(first.rows() == answers && second.rows() == answers, "the answers sheet holds every answer");

        say("== the same rows written from memory with POI SXSSF in this JVM (no database) ==");
        List<List<Object>> rows = answerRows();
        double memory1 = fromMemory(rows, "first");
        double memory = fromMemory(rows, "second");
        rows = null;
        double ratio = second.rowsPerSecond() / memory;
        console.figure("answers: app %.0f rows/s, SXSSF from memory %.0f rows/s (first runs %.0f and %.0f): ratio %.2f (target >= 0.7: %s)",
                second.rowsPerSecond(), memory, first.rowsPerSecond(), memory1, ratio, ratio >= 0.7 ? "met" : "MISSED");

        say("== the whole raw-data workbook through the app (KPI sheets with charts, then every raw table) ==");
        Export whole = export("whole workbook", "RAW_WORKBOOK", null);
        check(whole.rows() >= answers + 1, "the whole workbook holds every answer and more");

        say("== the raw-data CSV zip with the Pabulib files of the public votes ==");
        Export csv = export("CSV zip", "RAW_CSV", null);
        check(csv.rows() == whole.rows(), "the zip holds the same rows as the workbook");
    }

    /** The analyst's access token, taken again every minute (Keycloak's last five). */
    private String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(1).toNanos()) {
            token = keycloak.token("analyst", "Analyst-2026");
            tokenAt = System.nanoTime();
        }
        return token;
    }

    // --- seeding ---

    /** Whether the schema holds this run's seeded rows already (a previous run's, with the same sizes). */
    private boolean seeded() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("select (select count(*) from residents where id > " + BASE + "),"
                     + " (select count(*) from vote_marks where resident_id > " + BASE + ")")) {
            rs.next();
            return rs.getLong(1) == Math.max(answers / ANSWERS_PER_RESPONSE, ballots) && rs.getLong(2) == ballots;
        }
    }

    /** Also the crash drill's data (FaultDrills): bench.answers answers, bench.ballots ballots. */
    List<String> seed() throws SQLException {
        long responses = answers / ANSWERS_PER_RESPONSE;
        long residents = Math.max(responses, ballots);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            List<String> districts = new ArrayList<>();
            try (var rs = st.executeQuery("select code from districts order by code")) {
                while (rs.next()) {
                    districts.add(rs.getString(1));
                }
            }
            String codes = "(array[" + String.join(",", districts.stream().map(d -> "'" + d + "'").toList()) + "])";
            int n = districts.size();
            String day0 = "(now() - interval '90 days')";
            // the demo's announcements (its consultations opening, its calls' votes) are marked told before the
            // register grows: a round of announcements to 300,000 accounts holds its notifications in memory until it
            // ends and runs out of a 256 MB heap (docs/performance.md), which is not what this benchmark measures
            st.execute("insert into notice_campaigns (subject, event_key, cursor_id, told, done, started_at, finished_at)"
                    + " select 'call:' || k.id, v.e, 0, 0, true, now(), now() from budget_calls k,"
                    + " (values ('vote.opened'), ('vote.closingSoon'), ('vote.results')) v(e)"
                    + " on conflict (subject, event_key) do update set done = true, finished_at = now()");
            st.execute("insert into notice_campaigns (subject, event_key, cursor_id, told, done, started_at, finished_at)"
                    + " select 'consultation:' || c.id, 'consultation.opened', 0, 0, true, now(), now()"
                    + " from consultations c on conflict (subject, event_key) do update set done = true,"
                    + " finished_at = now()");
            long start = System.nanoTime();
            st.execute("insert into residents (id, account, district_code, birth_year, enlisted_at, version)"
                    + " select " + BASE + " + i, 'bench-' || i, " + codes + "[1 + i % " + n + "], 1940 + i % 65,"
                    + " " + day0 + " + (i % 80) * interval '1 day', 0 from generate_series(1, " + residents + ") i");
            step(start, "residents", residents);

            // five consultations, one per district, ten answer rows per response: a choice, two of a multiple
            // choice, a scale, an approved free text, a matrix of two rows, a ranking of three
            start = System.nanoTime();
            for (int k = 0; k < CONSULTATIONS; k++) {
                long id = BASE + k;
                st.execute("insert into consultations (id, title, description, district_code, opens_at, closes_at, status,"
                        + " anonymous, answers_editable, created_by, version, pre_moderated) values (" + id
                        + ", 'Consultation du banc " + (k + 1) + "', 'Banc d''essai', '" + districts.get(k % n) + "', "
                        + day0 + " + interval '10 days', " + day0 + " + interval '70 days', 'RESULTS_PUBLISHED', false,"
                        + " false, 'bench', 0, false)");
                question(st, id, 0, "q1", "SINGLE_CHOICE", "OPTION", 4, "'FIGURES'");
                question(st, id, 1, "q2", "MULTIPLE_CHOICE", "OPTION", 5, "'FIGURES'");
                question(st, id, 2, "q3", "SCALE", null, 0, "'FIGURES'");
                question(st, id, 3, "q4", "FREE_TEXT", null, 0, "'FIGURES_AND_TEXTS'");
                question(st, id, 4, "q5", "MATRIX", "ROW", 2, "'FIGURES'");
                st.execute("insert into question_options (question_id, position, role, code, label) select " + (id * 10 + 4)
                        + ", 10 + p, 'COLUMN', 'c' || p, 'Colonne ' || p from generate_series(1, 3) p");
                question(st, id, 5, "q6", "RANKING", "OPTION", 4, "'FIGURES'");
            }
            st.execute("insert into responses (id, consultation_id, respondent, district_code, status, saved_at,"
                    + " submitted_at, version) select " + BASE + " + i, " + BASE + " + i % " + CONSULTATIONS
                    + ", 'bench-' || i, " + codes + "[1 + i % " + n + "], 'SUBMITTED', t, t, 0 from (select i, " + day0
                    + " + interval '11 days' + (i % 55) * interval '1 day' + (i % 86400) * interval '1 second' as t"
                    + " from generate_series(1, " + responses + ") i) s");
            st.execute("insert into consultation_participations (consultation_id, respondent) select consultation_id,"
                    + " respondent from responses where id > " + BASE);
            step(start, "responses", responses);
            start = System.nanoTime();
            st.execute("insert into response_answers (response_id, position, question_code, row_code, option_code,"
                    + " rank_position, number_value, text_value, text_approved)"
                    + " select r.id, p, case p when 0 then 'q1' when 1 then 'q2' when 2 then 'q2' when 3 then 'q3'"
                    + " when 4 then 'q4' when 5 then 'q5' when 6 then 'q5' else 'q6' end,"
                    + " case p when 5 then 'r1' when 6 then 'r2' end,"
                    + " case when p = 0 then 'o' || (1 + r.id % 4) when p in (1, 2) then 'o' || (p + r.id % 3)"
                    + " when p in (5, 6) then 'c' || (1 + (r.id + p) % 3) when p >= 7 then 'o' || (p - 6) end,"
                    + " case when p >= 7 then p - 6 end, case when p = 3 then 1 + r.id % 5 end,"
                    + " case when p = 4 then 'Une idée pour le quartier n° ' || r.id end, p = 4"
                    + " from responses r cross join generate_series(0, 9) p where r.id > " + BASE);
            step(start, "answers", answers);

            // the budget: one call, an envelope per district, 40 projects each, ballots of three projects
            start = System.nanoTime();
            st.execute("insert into budget_calls (id, name, name_key, budget_year, total_amount, voting_rule, min_choices,"
                    + " max_choices, tally_rule, submission_start, submission_end, review_start, review_end, vote_start,"
                    + " vote_end, results_from, implementation_from, created_by, version, pre_moderated) values (" + BASE
                    + ", 'Budget du banc', 'budget du banc', " + today.getYear() + ", 10000000, 'APPROVAL', 1, 3, 'GREEDY', "
                    + day0 + " + interval '2 days', " + day0 + " + interval '12 days', " + day0 + " + interval '12 days', "
                    + day0 + " + interval '20 days', " + day0 + " + interval '30 days', " + day0 + " + interval '50 days', "
                    + day0 + " + interval '55 days', " + day0 + " + interval '60 days', 'bench', 0, false)");
            st.execute("insert into notice_campaigns (subject, event_key, cursor_id, told, done, started_at, finished_at)"
                    + " select 'call:" + BASE + "', v.e, 0, 0, true, now(), now() from (values ('vote.opened'),"
                    + " ('vote.closingSoon'), ('vote.results')) v(e) on conflict (subject, event_key) do nothing");
            st.execute("insert into envelopes (id, call_id, district_code, amount, count_closed_at, count_closed_by)"
                    + " select " + BASE + " + d, " + BASE + ", " + codes + "[d], 2000000, " + day0
                    + " + interval '52 days', 'bench' from generate_series(1, " + n + ") d");
            st.execute("insert into budget_projects (id, envelope_id, title, cost, on_ballot, status, version)"
                    + " select " + BASE + " + d * 100 + p, " + BASE + " + d, 'Projet ' || p || ' de ' || " + codes
                    + "[d], 20000 + p * 1000, true, 'FEASIBLE', 0 from generate_series(1, " + n + ") d,"
                    + " generate_series(1, 40) p");
            st.execute("insert into ballots (id, envelope_id, channel) select 'bench-' || i, " + BASE + " + 1 + i % " + n
                    + ", case when i % 100 < 90 then 'ONLINE' when i % 100 < 97 then 'DESK' else 'PAPER' end"
                    + " from generate_series(1, " + ballots + ") i");
            st.execute("insert into ballot_choices (ballot_id, project_id, points) select 'bench-' || i, " + BASE
                    + " + (1 + i % " + n + ") * 100 + 1 + (i * 7 + k * 13) % 40, 1 from generate_series(1, " + ballots
                    + ") i, generate_series(0, 2) k");
            st.execute("insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) select " + BASE
                    + ", 'DISTRICT', " + BASE + " + i, " + BASE + " + 1 + i % " + n + ", case when i % 100 < 90"
                    + " then 'ONLINE' when i % 100 < 97 then 'DESK' else 'PAPER' end from generate_series(1, " + ballots
                    + ") i");
            step(start, "ballots (3 choices each) and the register's marks", ballots);

            // comments on the consultations and the projects; meetings of the demo councils with registrations
            start = System.nanoTime();
            st.execute("insert into comments (id, target_kind, target_id, depth, author, author_name, body, status,"
                    + " created_at, version) select " + BASE + " + i, case when i % 2 = 0 then 'CONSULTATION'"
                    + " else 'BUDGET_PROJECT' end, case when i % 2 = 0 then " + BASE + " + i % " + CONSULTATIONS
                    + " else " + BASE + " + (1 + i % " + n + ") * 100 + 1 + i % 40 end, 0, 'bench-' || i, 'Banc ' || i,"
                    + " '<p>Un avis</p>', 'PUBLISHED', " + day0 + " + interval '11 days' + (i % 50) * interval '1 day', 0"
                    + " from generate_series(1, 100000) i");
            st.execute("insert into council_meetings (id, council_id, title, starts_at, duration_minutes, place, agenda,"
                    + " members_only, created_by, version, attendance, minutes_published_at, minutes_published_by)"
                    + " select " + BASE + " + m * 1000 + o.k, o.id, 'Réunion ' || m, " + day0 + " + m * interval '1 day',"
                    + " 90, 'Salle', 'Ordre du jour', false, 'bench', 0, 10 + m % 20, " + day0 + " + m * interval '1 day'"
                    + " + interval '2 hours', 'bench' from (select id, row_number() over (order by id) k from councils) o,"
                    + " generate_series(1, 85) m");
            st.execute("insert into meeting_registrations (id, meeting_id, username, display_name, status, registered_at,"
                    + " changed_at, version) select " + BASE + " + g.id % 1000000 * 100 + r, g.id, 'bench-' || r,"
                    + " 'Banc ' || r, case when r <= 25 then 'REGISTERED' else 'WAITING' end, g.starts_at - interval '3 days',"
                    + " g.starts_at - interval '3 days', 0 from council_meetings g, generate_series(1, 30) r where g.id > "
                    + BASE);
            step(start, "comments and meetings", 0);
            start = System.nanoTime();
            // this schema's tables only (a plain ANALYZE of the database waits for other schemas' locks), vacuumed as
            // autovacuum would have done after such a load (index-only scans need the visibility map)
            List<String> tables = new ArrayList<>();
            try (var rs = st.executeQuery("select tablename from pg_tables where schemaname = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                st.execute("vacuum (analyze) " + table);
            }
            step(start, "vacuum and analyze", 0);
            return districts;
        }
    }

    private static void question(Statement st, long consultation, int position, String code, String kind,
                                 String optionRole, int options, String publication) throws SQLException {
        long id = consultation * 10 + position;
        st.execute("insert into questions (id, consultation_id, position, code, kind, text, help, required, long_text,"
                + " min_value, max_value, max_choices, publication) values (" + id + ", " + consultation + ", " + position
                + ", '" + code + "', '" + kind + "', 'Question " + code + "', '', false, false, "
                + ("SCALE".equals(kind) ? "1, 5" : "null, null") + ", " + ("MULTIPLE_CHOICE".equals(kind) ? "2" : "null")
                + ", " + publication + ")");
        if (optionRole != null) {
            String prefix = "ROW".equals(optionRole) ? "r" : "o";
            st.execute("insert into question_options (question_id, position, role, code, label) select " + id + ", p, '"
                    + optionRole + "', '" + prefix + "' || p, 'Choix ' || p from generate_series(1, " + options + ") p");
        }
    }

    private static void step(long start, String what, long rows) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rows > 0) {
            say("  %-52s %,10d rows in %5.1f s", what, rows, seconds);
        } else {
            say("  %-52s %21.1f s", what, seconds);
        }
    }

    // --- the KPI request ---

    private String kpiUrl(String filter) {
        return app + "/api/kpis?from=" + from + "&to=" + today + filter;
    }

    /** Waits until the app's refresh has applied every change the seeding noted (kpi_changes empty), and says how long. */
    private void keptCatchUp() throws Exception {
        long start = System.nanoTime();
        long pending = -1;
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            while (System.nanoTime() - start < Duration.ofMinutes(15).toNanos()) {
                try (var rs = st.executeQuery("select count(*) from kpi_changes")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending == 0) {
                    break;
                }
                Thread.sleep(1000);
            }
            String sizes = "";
            try (var rs = st.executeQuery("select (select count(*) from kpi_people), (select pg_size_pretty("
                    + "pg_total_relation_size('kpi_day_acts') + pg_total_relation_size('kpi_call_acts')"
                    + " + pg_total_relation_size('kpi_register') + pg_total_relation_size('kpi_day_counts')"
                    + " + pg_total_relation_size('kpi_people'))), (select changes_applied from kpi_refresh)")) {
                rs.next();
                sizes = String.format(Locale.ROOT, "%,d people numbered, kept tables %s, %,d changes applied",
                        rs.getLong(1), rs.getString(2), rs.getLong(3));
            }
            check(pending == 0, "the kept participation caught up with the seeding");
            console.figure("kept participation caught up %.1f s after the seeding%s (%s; the app's log says how long each refresh"
                    + " took)", (System.nanoTime() - seededAt) / 1e9, exports ? ", seen after the exports" : "", sizes);
        }
    }

    /** Back-to-back calls; returns the p50 in ms; {@code reference} (p50 of the ping) gives the ratio, if not 0. */
    private double kpis(String scope, String url, double reference) {
        int ok = reference == 0 ? 204 : 200; // the ping answers 204 No Content
        for (int i = 0; i < 3; i++) {
            http.getSlowly(url, token(), Duration.ofMinutes(5)).expect(ok, scope);
        }
        long[] nanos = new long[kpiCalls];
        for (int i = 0; i < kpiCalls; i++) {
            Http.Reply reply = http.getSlowly(url, token(), Duration.ofMinutes(5)).expect(ok, scope);
            nanos[i] = reply.nanos();
        }
        Latencies latencies = new Latencies(nanos);
        double p50 = latencies.percentileMillis(50);
        double p95 = latencies.percentileMillis(95);
        if (reference == 0) {
            console.figure("%s, back to back: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d calls)", scope, p50, p95,
                    latencies.maxMillis(), kpiCalls);
        } else {
            console.figure("KPIs of %s over 90 days, back to back: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d calls; p50 %.0f times"
                    + " the ping's; target p95 < 300 ms: %s)", scope, p50, p95, latencies.maxMillis(), kpiCalls,
                    p50 / reference, p95 < 300 ? "met" : "MISSED");
        }
        return p50;
    }

    /**
     * The request while today's acts changed since the last refresh (a comment written just before, by SQL, as a
     * participation of another instance would be): the request reads today's acts from the sources.
     */
    private void kpisWithTodayChanged(double reference) throws SQLException {
        int calls = Math.max(5, kpiCalls / 5);
        long[] nanos = new long[calls];
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // a previous run's (BENCH_KEEP_DATA)
            st.execute("delete from comments where id >= " + (BASE + 500_000) + " and id <= " + (BASE + 600_000));
            for (int i = 0; i < calls; i++) {
                st.execute("insert into comments (id, target_kind, target_id, depth, author, author_name, body, status,"
                        + " created_at, version) values (" + (BASE + 500_000 + i) + ", 'CONSULTATION', " + BASE
                        + ", 0, 'bench-" + (i + 1) + "', 'Banc', '<p>Encore un avis</p>', 'PUBLISHED', now(), 0)");
                nanos[i] = http.getSlowly(kpiUrl(""), token(), Duration.ofMinutes(5)).expect(200, "KPIs").nanos();
            }
        }
        Latencies latencies = new Latencies(nanos);
        console.figure("KPIs of the city, today's acts changed since the refresh (read from the sources): p50 %.0f ms, p95 %.0f ms,"
                + " max %.0f ms (%d calls; p50 %.0f times the ping's)", latencies.percentileMillis(50),
                latencies.percentileMillis(95), latencies.maxMillis(), calls, latencies.percentileMillis(50) / reference);
    }

    /**
     * A steady arrival rate (open loop, Poisson arrivals, latency from the scheduled time): the city and district Nord
     * in turn, then the ping at the same rate, so that the ratio is measured in the same minute.
     */
    private void kpisOpenLoop() throws Exception {
        long[] due = OpenLoop.schedule(kpiRate, kpiSeconds, 2026);
        String token = token();
        List<java.net.http.HttpRequest> kpiRequests = new ArrayList<>();
        List<java.net.http.HttpRequest> pings = new ArrayList<>();
        for (int i = 0; i < due.length; i++) {
            kpiRequests.add(Http.request(kpiUrl(i % 2 == 0 ? "" : "&district=nord"), token).GET().build());
            pings.add(Http.request(app + "/api/ping", token).GET().build());
        }
        OpenLoop.Result kpi = OpenLoop.run(http.client(), kpiRequests, due);
        OpenLoop.Result ping = OpenLoop.run(http.client(), pings, due);
        Latencies k = new Latencies(kpi.nanos());
        Latencies p = new Latencies(ping.nanos());
        console.figure("KPIs at %.0f requests/s for %d s (open loop, city and Nord in turn, %d requests, statuses %s): p50 %.0f ms,"
                + " p95 %.0f ms, max %.0f ms; the ping at the same rate: p50 %.1f ms, p95 %.1f ms; p95 %.0f times the"
                + " ping's (target p95 < 300 ms: %s)", kpiRate, kpiSeconds, due.length, kpi.byStatus(),
                k.percentileMillis(50), k.percentileMillis(95), k.maxMillis(), p.percentileMillis(50), p.percentileMillis(95),
                k.percentileMillis(95) / p.percentileMillis(95), k.percentileMillis(95) < 300 ? "met" : "MISSED");
        check(kpi.byStatus().keySet().stream().allMatch(s -> s == 200), "every KPI request of the open loop answered 200");
    }

    /** What one round of other people got: the home page's and the KPI request's latencies, and their statuses. */
    private record Others(Latencies page, Latencies kpi, java.util.Map<Integer, Integer> pageStatuses,
                          java.util.Map<Integer, Integer> kpiStatuses) {
    }

    /**
     * Whether an export slows everyone else down ("other users are not slowed down"): a visitor's home page (5 a
     * second) then the dashboard's KPI request (2 a second), 8 s each, open loop, first with the app idle, then while an
     * answers sheet is written (its writer and its reader thread beside PostgreSQL on the same cores). A first round
     * warms the home page up and is not counted.
     */
    private void othersBesideAnExport() throws Exception {
        say("== other people beside an export: the home page (5/s), then the KPI request (2/s), 8 s each, open loop,"
                + " idle then while an answers sheet is written ==");
        others(); // a round to warm up: the home page has not been asked for yet in this run
        Others idle = others();
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            java.util.concurrent.Future<Export> running = background.submit(
                    () -> export("answers sheet, with other people beside it", "RAW_WORKBOOK", "[\"answers\"]"));
            Thread.sleep(1500); // queued, claimed at once, into its rows
            Others beside = others();
            double loopsEnded = (System.nanoTime() - start) / 1e9;
            Export export = running.get();
            console.figure("beside an export (%.1f s long; the requests ended %.1f s after it was queued): home page p50 %.0f ms,"
                            + " p95 %.0f ms (idle: p50 %.0f ms, p95 %.0f ms; p95 %.1f times); KPIs p50 %.0f ms, p95 %.0f ms (idle: p50"
                            + " %.0f ms, p95 %.0f ms; p95 %.1f times); statuses %s and %s",
                    export.wallSeconds(), loopsEnded, beside.page().percentileMillis(50), beside.page().percentileMillis(95),
                    idle.page().percentileMillis(50), idle.page().percentileMillis(95),
                    beside.page().percentileMillis(95) / idle.page().percentileMillis(95),
                    beside.kpi().percentileMillis(50), beside.kpi().percentileMillis(95),
                    idle.kpi().percentileMillis(50), idle.kpi().percentileMillis(95),
                    beside.kpi().percentileMillis(95) / idle.kpi().percentileMillis(95),
                    beside.pageStatuses(), beside.kpiStatuses());
            check(beside.pageStatuses().keySet().stream().allMatch(s -> s == 200)
                    && beside.kpiStatuses().keySet().stream().allMatch(s -> s == 200),
                    "every request beside the export answered 200");
        } finally {
            background.shutdown();
        }
    }

    private Others others() throws Exception {
        String token = token();
        long[] pageDue = OpenLoop.schedule(5, 8, 11);
        List<java.net.http.HttpRequest> pages = new ArrayList<>();
        for (int i = 0; i < pageDue.length; i++) {
            pages.add(Http.request(app + "/", null).setHeader("Accept", "text/html").GET().build());
        }
        OpenLoop.Result page = OpenLoop.run(http.client(), pages, pageDue);
        long[] kpiDue = OpenLoop.schedule(2, 8, 13);
        List<java.net.http.HttpRequest> kpiRequests = new ArrayList<>();
        for (int i = 0; i < kpiDue.length; i++) {
            kpiRequests.add(Http.request(kpiUrl(i % 2 == 0 ? "" : "&district=nord"), token).GET().build());
        }
        OpenLoop.Result kpi = OpenLoop.run(http.client(), kpiRequests, kpiDue);
        return new Others(new Latencies(page.nanos()), new Latencies(kpi.nanos()), page.byStatus(), kpi.byStatus());
    }

    // --- exports through the app ---

    /** An export as it ended: rows, the app's rows per second between its start and end, wall time, file. */
    record Export(long rows, double rowsPerSecond, double wallSeconds, long bytes) {
    }

    private Export export(String what, String kind, String tables) throws Exception {
        String body = "{\"kind\": \"" + kind + "\", \"from\": \"" + from + "\", \"to\": \"" + today + "\""
                + (tables == null ? "" : ", \"tables\": " + tables) + ", \"language\": \"en\"}";
        HeapWatch watch = new HeapWatch(appPid);
        long start = System.nanoTime();
        Http.Reply queued = http.json("POST", app + "/api/exports", token(), body).expect(202, "queue " + what);
        long id = queued.json().getJsonNumber("id").longValue();
        JsonObject job;
        while (true) {
            try {
                job = http.get(app + "/api/exports/" + id, token()).expect(200, "export " + id).json();
            } catch (RuntimeException e) {
                HeapWatch.Peak peak = watch.stop();
                console.figure("%s: the app stopped answering during the export at -Xmx%s (%s; peak heap used %.0f MB)", what,
                        heap, e.getMessage(), peak.usedMb());
                check(false, what + ": the app survived the export at -Xmx" + heap);
                throw e;
            }
            String status = job.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException(what + " still " + status + " after 30 minutes");
            }
            Thread.sleep(250);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        HeapWatch.Peak peak = watch.stop();
        String status = job.getString("status");
        if (!"DONE".equals(status)) {
            console.figure("%s: %s after %.1f s at -Xmx%s (peak heap used %.0f MB)", what, status, wall, heap, peak.usedMb());
            check(false, what + " did not fail at -Xmx" + heap);
            return new Export(0, 0, wall, 0);
        }
        long rows = job.getJsonNumber("rowsWritten").longValue();
        double runSeconds = Duration.between(Instant.parse(job.getString("startedAt")),
                Instant.parse(job.getString("finishedAt"))).toNanos() / 1e9;
        Path file = work.resolve("export-" + id + "-" + job.getString("fileName"));
        HttpResponse<Path> download = http.client().send(Http.request(app + job.getString("file"), token())
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        check(download.statusCode() == 200, what + " downloaded");
        long bytes = Files.size(file);
        long counted = kind.equals("RAW_CSV") ? csvRows(file) : sheetRows(file);
        Files.deleteIfExists(file);
        check(counted == rows, what + ": the file holds the rows the job counted (" + counted + " / " + rows + ")");
        double rate = rows / runSeconds;
        console.figure("%s: %,d rows in %.1f s (%.0f rows/s; wall %.1f s from the request to done), %.1f MB file;"
                        + " app heap at -Xmx%s: peak used %.0f MB, peak old generation %.0f MB, %d young and %d full GCs"
                        + " (%.1f s of GC)", what, rows, runSeconds, rate, wall, bytes / 1e6, heap, peak.usedMb(),
                peak.oldMb(), peak.youngGcs(), peak.fullGcs(), peak.gcSeconds());
        return new Export(rows, rate, wall, bytes);
    }

    /**
     * The data rows of every sheet of a workbook whose name says raw ("(raw)"), counted from its XML as it streams
     * (POI writes its entries with data descriptors: read through the zip's central directory).
     */
    private static long sheetRows(Path workbook) throws Exception {
        long rows = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            List<String> names = new ArrayList<>();
            try (InputStream in = zip.getInputStream(zip.getEntry("xl/workbook.xml"))) {
                XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")) {
                        names.add(xml.getAttributeValue(null, "name"));
                    }
                }
            }
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).contains("(raw)")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet" + (i + 1) + ".xml"))) {
                    XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                            rows++;
                        }
                    }
                    rows--; // the header
                }
            }
        }
        return rows;
    }

    /** The records of the zip's CSV tables, headers left out. */
    static long csvRows(Path zipFile) throws IOException {
        long rows = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".csv")) {
                    CSVParser parser = CSVParser.parse(new InputStreamReader(new NonClosing(zip), StandardCharsets.UTF_8),
                            CSVFormat.RFC4180);
                    for (CSVRecord ignored : parser) {
                        rows++;
                    }
                    rows--;
                }
            }
        }
        return rows;
    }

    // --- the same rows from memory ---

    /** The answers as the app's CSV export gives them, typed back as RawData gives them, all in memory. */
    private List<List<Object>> answerRows() throws Exception {
        String body = "{\"kind\": \"RAW_CSV\", \"from\": \"" + from + "\", \"to\": \"" + today
                + "\", \"tables\": [\"answers\"], \"language\": \"en\"}";
        long id = http.json("POST", app + "/api/exports", token(), body).expect(202, "the answers as CSV").json()
                .getJsonNumber("id").longValue();
        JsonObject job;
        do {
            Thread.sleep(250);
            job = http.get(app + "/api/exports/" + id, token()).expect(200, "export " + id).json();
        } while (job.getString("status").equals("QUEUED") || job.getString("status").equals("RUNNING"));
        Path file = work.resolve("answers-" + id + ".zip");
        http.client().send(Http.request(app + job.getString("file"), token()).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofFile(file));
        List<RawTable.Column> columns = RawTable.ANSWERS.columns();
        List<List<Object>> rows = new ArrayList<>((int) answers);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            zip.getNextEntry();
            CSVParser parser = CSVParser.parse(new InputStreamReader(zip, StandardCharsets.UTF_8), CSVFormat.RFC4180);
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    header = false;
                    continue;
                }
                Object[] values = new Object[columns.size()];
                for (int c = 0; c < values.length; c++) {
                    String text = record.get(c);
                    values[c] = text.isEmpty() ? null : switch (columns.get(c).kind()) {
                        case INTEGER -> Long.valueOf(text);
                        case DECIMAL -> new BigDecimal(text);
                        case DATE -> LocalDate.parse(text);
                        case BOOLEAN -> Boolean.valueOf(text);
                        case TEXT -> text;
                    };
                }
                rows.add(Arrays.asList(values));
            }
        }
        Files.deleteIfExists(file);
        say("  %,d answer rows read back into memory from the app's CSV", rows.size());
        return rows;
    }

    private double fromMemory(List<List<Object>> rows, String run) throws IOException {
        RawSource memory = new RawSource() {
            @Override
            public long count(RawTable table) {
                return rows.size();
            }

            @Override
            public long read(RawTable table, RawData.Rows sink) throws IOException {
                for (List<Object> row : rows) {
                    sink.row(row);
                }
                return rows.size();
            }
        };
        ExportProducer.Progress none = new ExportProducer.Progress() {
            @Override
            public void expected(long count) {
            }

            @Override
            public void written(long count) {
            }
        };
        Path file = work.resolve("from-memory.xlsx");
        long start = System.nanoTime();
        long written;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            written = RawWorkbook.write(KpiTexts.in(Locale.ENGLISH), 5, memory, List.of(RawTable.ANSWERS), out, none);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = written / seconds;
        say("  SXSSF from memory (%s run): %,d rows in %.1f s, %.0f rows/s, %.1f MB", run, written, seconds, rate,
                Files.size(file) / 1e6);
        Files.deleteIfExists(file);
        return rate;
    }

    /** The app's heap as jstat samples it every 250 ms: peak used (all generations) and old generation, GC counts. */
    static final class HeapWatch {

        record Peak(double usedMb, double oldMb, long youngGcs, long fullGcs, double gcSeconds) {
        }

        private final Process process;
        private final Thread reader;
        private final AtomicLong maxUsedKb = new AtomicLong();
        private final AtomicLong maxOldKb = new AtomicLong();
        private volatile double[] first;
        private volatile double[] last;

        HeapWatch(long pid) throws IOException {
            Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            process = new ProcessBuilder(jstat.toString(), "-gc", String.valueOf(pid), "250").redirectErrorStream(true)
                    .start();
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    String header = lines.readLine();
                    List<String> names = header == null ? List.of() : Arrays.asList(header.trim().split("\\s+"));
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String[] cells = line.trim().split("\\s+");
                        if (cells.length != names.size() || cells[0].equals(names.get(0))) {
                            continue;
                        }
                        double[] values = new double[cells.length];
                        for (int i = 0; i < cells.length; i++) {
                            values[i] = cells[i].equals("-") ? 0 : Double.parseDouble(cells[i]);
                        }
                        double used = values[names.indexOf("S0U")] + values[names.indexOf("S1U")]
                                + values[names.indexOf("EU")] + values[names.indexOf("OU")];
                        maxUsedKb.accumulateAndGet((long) used, Math::max);
                        maxOldKb.accumulateAndGet((long) values[names.indexOf("OU")], Math::max);
                        double[] gc = {values[names.indexOf("YGC")], values[names.indexOf("FGC")],
                                values[names.indexOf("GCT")]};
                        if (first == null) {
                            first = gc;
                        }
                        last = gc;
                    }
                } catch (IOException | RuntimeException e) {
                    // jstat gone: the figures so far stand
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        Peak stop() throws InterruptedException {
            Thread.sleep(300);
            process.destroy();
            reader.join(2000);
            double[] a = first == null ? new double[3] : first;
            double[] b = last == null ? new double[3] : last;
            return new Peak(maxUsedKb.get() / 1024.0, maxOldKb.get() / 1024.0, (long) (b[0] - a[0]), (long) (b[1] - a[1]),
                    b[2] - a[2]);
        }
    }

    /** A zip entry's stream that the XML and CSV readers may close without closing the zip. */
    private static final class NonClosing extends java.io.FilterInputStream {

        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip goes on
        }
    }
}
