package org.agora.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.agora.kpi.AgeBand;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiReport.ConsultationLine;
import org.agora.kpi.KpiReport.DistrictRate;
import org.agora.kpi.KpiReport.EnvelopeLine;
import org.agora.kpi.KpiReport.QuestionLine;
import org.agora.kpi.KpiReport.WeekCount;
import org.agora.kpi.MaskedTable;
import org.agora.kpi.Participant.Capability;
import org.agora.reports.KpiTable.Column;
import org.agora.reports.KpiTable.Kind;

/** The KPI report laid out as tables, in one language: the summary first, then one table per area. */
public final class KpiTables {

    /** The file names of the tables, in order. */
    public static final List<String> NAMES = List.of("summary", "weekly", "consultations", "questions", "budget",
            "moderation", "councils", "districts", "ages", "funnel", "audience", "pages");

    private final KpiTexts texts;

    private KpiTables(KpiTexts texts) {
        this.texts = texts;
    }

    public static List<KpiTable> of(KpiReport report, KpiTexts texts) {
        KpiTables t = new KpiTables(texts);
        return List.of(t.summary(report), t.weekly(report), t.consultations(report), t.questions(report),
                t.budget(report), t.moderation(report), t.councils(report), t.districts(report), t.ages(report),
                t.funnel(report), t.audience(report), t.pages(report));
    }

    private Column col(String key, Kind kind) {
        return new Column(texts.text("kpi.col." + key), kind);
    }

    private List<Column> figureColumns() {
        return List.of(col("indicator", Kind.TEXT), col("value", Kind.DECIMAL));
    }

    private List<Object> figure(String key, Object value) {
        return List.of(texts.text("kpi.figure." + key), value);
    }

    private KpiTable summary(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(figure("registeredResidents", report.participation().registeredResidents()));
        rows.add(figure("participants", report.participation().participants()));
        for (Capability capability : Capability.values()) {
            rows.add(figure("capability." + capability.name(), report.participation().byCapability().get(capability)));
        }
        return new KpiTable("summary", texts.text("kpi.table.summary"), figureColumns(), rows);
    }

    private KpiTable weekly(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < report.weeklyParticipants().size(); i++) {
            WeekCount week = report.weeklyParticipants().get(i);
            rows.add(List.of(week.week(), week.monday(), week.count(),
                    report.participation().newRegistrations().get(i).count()));
        }
        return new KpiTable("weekly", texts.text("kpi.table.weekly"), List.of(col("week", Kind.TEXT),
                col("monday", Kind.DATE), col("participants", Kind.COUNT), col("newRegistrations", Kind.COUNT)), rows);
    }

    private KpiTable consultations(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ConsultationLine line : report.consultations()) {
            rows.add(nullable(line.id(), line.title(), line.district().orElse(texts.text("kpi.city")),
                    texts.text(line.anonymous() ? "kpi.yes" : "kpi.no"), line.responses(), line.started(),
                    line.completionRate()));
        }
        return new KpiTable("consultations", texts.text("kpi.table.consultations"), List.of(col("id", Kind.COUNT),
                col("title", Kind.TEXT), col("district", Kind.TEXT), col("anonymous", Kind.TEXT),
                col("responses", Kind.COUNT), col("started", Kind.COUNT), col("completion", Kind.PERCENT)), rows);
    }

    private KpiTable questions(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ConsultationLine line : report.consultations()) {
            for (QuestionLine q : line.questions()) {
                rows.add(List.of(line.id(), line.title(), (long) q.position() + 1, q.code(), q.text(), q.answers()));
            }
        }
        return new KpiTable("questions", texts.text("kpi.table.questions"), List.of(col("id", Kind.COUNT),
                col("title", Kind.TEXT), col("position", Kind.COUNT), col("code", Kind.TEXT), col("question", Kind.TEXT),
                col("answers", Kind.COUNT)), rows);
    }

    private KpiTable budget(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (EnvelopeLine e : report.envelopes()) {
            rows.add(nullable(e.call(), e.district().orElse(texts.text("kpi.city")), e.submitted(), e.feasible(),
                    e.onBallot(), e.selected(), e.supports(), e.online(), e.desk(), e.paper(), e.ballots(),
                    e.registered(), e.population(), e.turnoutOfRegistered(), e.turnoutOfPopulation(), e.delivered()));
        }
        return new KpiTable("budget", texts.text("kpi.table.budget"), List.of(col("call", Kind.TEXT),
                col("district", Kind.TEXT), col("submitted", Kind.COUNT), col("feasible", Kind.COUNT),
                col("onBallot", Kind.COUNT), col("selected", Kind.COUNT), col("supports", Kind.COUNT),
                col("online", Kind.COUNT), col("desk", Kind.COUNT), col("paper", Kind.COUNT), col("ballots", Kind.COUNT),
                col("registered", Kind.COUNT), col("population", Kind.COUNT), col("turnoutRegistered", Kind.PERCENT),
                col("turnoutPopulation", Kind.PERCENT), col("delivered", Kind.COUNT)), rows);
    }

    private KpiTable moderation(KpiReport report) {
        KpiReport.Moderation m = report.moderation();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(figure("comments", m.comments()));
        rows.add(figure("reports", m.reports()));
        rows.add(figure("hidden", m.hidden()));
        rows.add(figure("decided", m.decided()));
        rows.add(nullable(texts.text("kpi.figure.medianDelayHours"), m.medianDelay()
                .map(d -> BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP))
                .orElse(null)));
        return new KpiTable("moderation", texts.text("kpi.table.moderation"), figureColumns(), rows);
    }

    private KpiTable councils(KpiReport report) {
        KpiReport.Councils c = report.councils();
        List<List<Object>> rows = List.of(figure("councils", c.councils()), figure("members", c.members()),
                figure("meetingsHeld", c.meetingsHeld()), figure("registrations", c.registrations()),
                figure("attendance", c.attendance()), figure("meetingsWithAttendance", c.meetingsWithAttendance()));
        return new KpiTable("councils", texts.text("kpi.table.councils"), figureColumns(), rows);
    }

    private KpiTable districts(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (DistrictRate d : report.districts()) {
            rows.add(nullable(d.code(), d.name(), d.population(), d.participants(), d.perThousand()));
        }
        return new KpiTable("districts", texts.text("kpi.table.districts"), List.of(col("code", Kind.TEXT),
                col("name", Kind.TEXT), col("population", Kind.COUNT), col("participants", Kind.COUNT),
                col("perThousand", Kind.DECIMAL)), rows);
    }

    private KpiTable ages(KpiReport report) {
        MaskedTable table = report.ageByDistrict();
        List<Column> columns = new ArrayList<>();
        columns.add(col("ageBand", Kind.TEXT));
        for (String code : table.columns()) {
            columns.add(new Column("?".equals(code) ? texts.text("kpi.unknownDistrict") : code, Kind.COUNT));
        }
        columns.add(col("total", Kind.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        List<List<Long>> cells = table.withTotals();
        for (int i = 0; i < cells.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(i < table.rows().size() ? texts.text(AgeBand.valueOf(table.rows().get(i)).textKey())
                    : texts.text("kpi.col.total"));
            for (Long cell : cells.get(i)) {
                row.add(cell == null ? KpiTable.MASKED : cell);
            }
            rows.add(row);
        }
        return new KpiTable("ages", texts.text("kpi.table.ages"), columns, rows);
    }

    /**
     * The funnel: all pages, then each capability of the pages: views, visitors (once a day each), signed-in
     * visitors, participants (none for pages that lead to no participation), and the signed-in share of visitors.
     */
    private KpiTable funnel(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiReport.FunnelLine line : report.audience().funnel()) {
            rows.add(nullable(line.capability().map(c -> texts.text("kpi.audience.capability." + c.name()))
                            .orElse(texts.text("kpi.audience.allPages")), line.views(), line.visitors(),
                    line.signedInVisitors(), line.participants(), share(line.signedInVisitors(), line.visitors())));
        }
        return new KpiTable("funnel", texts.text("kpi.table.funnel"), List.of(col("capability", Kind.TEXT),
                col("views", Kind.COUNT), col("visitors", Kind.COUNT), col("signedInVisitors", Kind.COUNT),
                col("participants", Kind.COUNT), col("signedInShare", Kind.PERCENT)), rows);
    }

    private KpiTable audience(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiReport.WeekVisits week : report.audience().weeks()) {
            rows.add(List.of(week.week(), week.monday(), week.views(), week.visitors(), week.signedInVisitors()));
        }
        return new KpiTable("audience", texts.text("kpi.table.audience"), List.of(col("week", Kind.TEXT),
                col("monday", Kind.DATE), col("views", Kind.COUNT), col("visitors", Kind.COUNT),
                col("signedInVisitors", Kind.COUNT)), rows);
    }

    private KpiTable pages(KpiReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiReport.PageLine page : report.audience().pages()) {
            rows.add(List.of(page.page(), texts.text("kpi.audience.capability." + page.capability().name()),
                    page.views(), page.visitors(), page.signedInVisitors()));
        }
        return new KpiTable("pages", texts.text("kpi.table.pages"), List.of(col("page", Kind.TEXT),
                col("capability", Kind.TEXT), col("views", Kind.COUNT), col("visitors", Kind.COUNT),
                col("signedInVisitors", Kind.COUNT)), rows);
    }

    /** {@code part} in percent of {@code whole}, two decimals; {@code null} when the whole is zero. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The definitions sheet: each KPI and what it counts. */
    public static KpiTable definitions(KpiReport report, KpiTexts texts) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(texts.text("kpi.figure.participants"), texts.text(report.definition().textKey())));
        String[][] pairs = {
                {"kpi.figure.registeredResidents", "kpi.def.registeredResidents"},
                {"kpi.figure.participants", "kpi.def.participants"},
                {"kpi.figure.capability.CONSULTATION", "kpi.def.capability"},
                {"kpi.col.newRegistrations", "kpi.def.newRegistrations"},
                {"kpi.table.weekly", "kpi.def.weekly"},
                {"kpi.col.responses", "kpi.def.responses"},
                {"kpi.col.completion", "kpi.def.completion"},
                {"kpi.col.answers", "kpi.def.answers"},
                {"kpi.table.budget", "kpi.def.budget"},
                {"kpi.table.moderation", "kpi.def.moderation"},
                {"kpi.table.councils", "kpi.def.councils"},
                {"kpi.col.perThousand", "kpi.def.perThousand"},
                {"kpi.table.ages", "kpi.def.ages"},
                {"kpi.table.funnel", "kpi.def.funnel"},
                {"kpi.col.visitors", "kpi.def.visitors"},
                {"kpi.col.signedInVisitors", "kpi.def.signedInVisitors"},
                {"kpi.table.pages", "kpi.def.pages"},
                {"kpi.audience.privacy", "kpi.def.audiencePrivacy"}};
        for (String[] pair : pairs) {
            rows.add(List.of(texts.text(pair[0]), texts.text(pair[1])));
        }
        rows.add(List.of(texts.text("kpi.table.ages"), texts.text("kpi.maskThreshold", report.maskThreshold())));
        return new KpiTable("definitions", texts.text("kpi.table.definitions"),
                List.of(new Column(texts.text("kpi.col.indicator"), Kind.TEXT),
                        new Column(texts.text("kpi.col.definition"), Kind.TEXT)), rows);
    }

    private static List<Object> nullable(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
