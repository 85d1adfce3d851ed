package org.agora.web.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.agora.kpi.KpiPermissions;
import org.agora.kpi.KpiQueries;
import org.agora.kpi.KpiQuery;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiService;
import org.agora.reports.KpiTable;
import org.agora.reports.KpiTables;
import org.agora.reports.KpiTexts;
import org.agora.reports.TerritorySheet;
import org.agora.reports.TerritorySheet.DistrictLine;
import org.agora.reports.TerritorySheet.Headings;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.territory.District;
import org.agora.territory.Theme;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The participation dashboard ({@code /reports/?from=&to=&district=&theme=}) for analysts and the office (the city and
 * any district) and district agents (their districts): the filters are in the address, the figures those of
 * {@link KpiTables}, as in the workbook and CSV downloads (servlet {@link KpiDownloadServlet}); and the territory
 * workbook.
 */
@Named
@RequestScoped
public class ReportsPage {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    TerritoryService territory;

    @Inject
    KpiService kpis;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private String from;
    private String to;
    private String district;
    private String theme;
    private KpiQuery query;
    private KpiReport report;
    private KpiTexts texts;
    private List<KpiTable> tables = List.of();

    /** Reads the filters of the address and the figures; a district the person may not read is a 403. */
    public void load() {
        Actor actor = currentUser.actor();
        texts = KpiTexts.in(language.getCurrent());
        try {
            query = KpiQueries.parse(actor, from, to, district, theme, LocalDate.now(Period.CITY_ZONE));
            report = kpis.figures(actor, query, Instant.now());
            tables = KpiTables.of(report, texts);
        } catch (NotAllowedException e) {
            Pages.forbidden();
        } catch (DomainException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.format(language.getCurrent(), e.messageKey(), e.arguments()), null));
        }
    }

    public KpiReport getReport() {
        return report;
    }

    public List<KpiTable> getTables() {
        return tables;
    }

    /** The tables after the summary, one per area. */
    public List<KpiTable> getAreaTables() {
        return tables.isEmpty() ? List.of() : tables.subList(1, tables.size());
    }

    public KpiTable getSummary() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    public String getDefinition() {
        return report == null ? "" : texts.text(report.definition().textKey());
    }

    public String getScopeLabel() {
        return query == null ? "" : scopeLabel(query, territory, texts);
    }

    public String getPeriodLabel() {
        return query == null ? "" : texts.text("kpi.period", query.from().toString(), query.to().toString());
    }

    /** The scope in words, with the district's and theme's names: the page's heading and the workbook's title. */
    public static String scopeLabel(KpiQuery query, TerritoryService territory, KpiTexts texts) {
        String scope = query.district().map(d -> texts.text("kpi.scope.district",
                        territory.findDistrict(d.value()).map(District::getName).orElse(d.value())))
                .orElse(texts.text("kpi.scope.city"));
        return scope + query.theme().map(t -> ", " + texts.text("kpi.scope.theme", territory.themes().stream()
                .filter(theme -> theme.getId() == t).map(Theme::getName).findFirst().orElse(String.valueOf(t))))
                .orElse("");
    }

    /** A value as the dashboard shows it: counts grouped, percentages with a sign, dates ISO, masked in words. */
    public String shown(Object value, KpiTable.Column column) {
        if (value == null) {
            return "—";
        }
        if (value == KpiTable.MASKED) {
            return texts.text("kpi.masked.cell");
        }
        Locale locale = texts.locale();
        if (value instanceof Long n) {
            return String.format(locale, "%,d", n);
        }
        if (value instanceof BigDecimal d) {
            String number = String.format(locale, "%,.2f", d);
            return column.kind() == KpiTable.Kind.PERCENT ? number + " %" : number;
        }
        if (value instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        }
        return value.toString();
    }

    public boolean isNumeric(KpiTable.Column column) {
        return column.kind() != KpiTable.Kind.TEXT;
    }

    /** The weekly participants as a Chart.js line chart (PrimeFaces {@code p:chart}). */
    public String getWeeklyChart() {
        if (report == null) {
            return "{}";
        }
        return ChartJson.of("line", report.weeklyParticipants().stream().map(w -> w.week()).toList(),
                report.weeklyParticipants().stream().map(w -> w.count()).toList(), texts.text("kpi.col.participants"));
    }

    /** Participants per 1,000 inhabitants by district as a Chart.js bar chart. */
    public String getDistrictChart() {
        if (report == null) {
            return "{}";
        }
        return ChartJson.of("bar", report.districts().stream().map(d -> d.name()).toList(),
                report.districts().stream().map(d -> d.perThousand() == null ? BigDecimal.ZERO : d.perThousand()).toList(),
                texts.text("kpi.col.perThousand"));
    }

    /**
     * The funnel of all pages as a Chart.js bar chart: visitors (once a day each), signed-in visitors, participants;
     * the table {@code funnel} gives it per capability.
     */
    public String getFunnelChart() {
        if (report == null || report.audience().total().isEmpty()) {
            return "{}";
        }
        KpiReport.FunnelLine all = report.audience().total().get();
        return ChartJson.of("bar", List.of(texts.text("kpi.col.visitors"), texts.text("kpi.col.signedInVisitors"),
                texts.text("kpi.col.participants")), List.of(all.visitors(), all.signedInVisitors(),
                all.participants() == null ? 0L : all.participants()), texts.text("kpi.audience.allPages"));
    }

    /** The districts this person may choose: every one for analysts and the office, their own for an agent. */
    public List<District> getDistricts() {
        Actor actor = currentUser.actor();
        boolean cityWide = actor.has(Role.ANALYST) || actor.has(Role.OFFICE_ADMIN);
        return territory.districts().stream().filter(d -> cityWide || actor.servesDistrict(d.getCode())).toList();
    }

    public boolean isCityWide() {
        return KpiPermissions.whyNotRead(currentUser.actor(), KpiQuery.city(LocalDate.now(), LocalDate.now())).isEmpty();
    }

    public List<Theme> getThemes() {
        return territory.themes();
    }

    /** The filters as a query string, for the download links. */
    public String getFilters() {
        if (query == null) {
            return "";
        }
        StringBuilder filters = new StringBuilder("from=").append(query.from()).append("&to=").append(query.to());
        query.district().ifPresent(d -> filters.append("&district=").append(encode(d.value())));
        query.theme().ifPresent(t -> filters.append("&theme=").append(t));
        return filters.toString();
    }

    public String getSelectedDistrict() {
        return query == null ? "" : query.district().map(DistrictCode::value).orElse("");
    }

    public String getSelectedTheme() {
        return query == null ? "" : query.theme().map(String::valueOf).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String getFrom() {
        return query != null ? query.from().toString() : from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return query != null ? query.to().toString() : to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    /** The territory workbook (analysts and the office), reference of every turnout figure. */
    public void downloadTerritory() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        List<DistrictLine> lines = territory.districts().stream()
                .map(d -> new DistrictLine(d.getCode().value(), d.getName(), d.getPopulation(), d.getNeighbourhoods().size()))
                .toList();
        Headings headings = new Headings(
                Texts.format(locale, "reports.territory.sheet"), Texts.format(locale, "territory.district.code"),
                Texts.format(locale, "territory.district.name"), Texts.format(locale, "territory.district.population"),
                Texts.format(locale, "territory.neighbourhoods"), Texts.format(locale, "reports.total"));
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(XLSX);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"territory.xlsx\"");
        TerritorySheet.write(lines, headings, external.getResponseOutputStream());
        faces.responseComplete();
    }
}
