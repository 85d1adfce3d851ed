package org.agora.web.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.agora.reports.TerritorySheet;
import org.agora.reports.TerritorySheet.DistrictLine;
import org.agora.reports.TerritorySheet.Headings;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.Texts;

/** Analysts and the office: spreadsheet downloads. For now the territory, reference of every turnout figure. */
@Named
@RequestScoped
public class ReportsPage {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    TerritoryService territory;

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
