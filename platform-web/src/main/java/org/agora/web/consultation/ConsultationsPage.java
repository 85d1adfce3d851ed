package org.agora.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationFilter;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.ConsultationStatus;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;

/**
 * The public list of consultations, newest first, narrowed by district, theme and status. The filters are in the
 * address ({@code ?district=nord&status=OPEN}) so a filtered list can be bookmarked and shared, and so is the page
 * ({@code ?page=}): the list is read from the database a page at a time.
 */
@Named
@RequestScoped
public class ConsultationsPage {

    @Inject
    ConsultationService consultations;

    @Inject
    TerritoryService territory;

    private String district;
    private Long theme;
    /** How many consultations a page shows. */
    static final int PAGE_SIZE = 20;

    private ConsultationStatus status;
    private Integer page;
    private Page<Consultation> results;

    /** This page of the matching consultations, with how many match in all. */
    public Page<Consultation> getResults() {
        if (results == null) {
            String code = district == null || district.isBlank() ? null : district;
            results = consultations.published(new ConsultationFilter(code, theme, status), PageRequest.of(page, PAGE_SIZE));
        }
        return results;
    }

    public List<Consultation> getList() {
        return getResults().items();
    }

    public List<District> getDistricts() {
        return territory.districts();
    }

    public List<Theme> getThemes() {
        return territory.themes();
    }

    /** The statuses a visitor may filter on (drafts are never public). */
    public List<ConsultationStatus> getStatuses() {
        return List.of(ConsultationStatus.SCHEDULED, ConsultationStatus.OPEN, ConsultationStatus.CLOSED,
                ConsultationStatus.RESULTS_PUBLISHED);
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public Long getTheme() {
        return theme;
    }

    public void setTheme(Long theme) {
        this.theme = theme;
    }

    public ConsultationStatus getStatus() {
        return status;
    }

    public void setStatus(ConsultationStatus status) {
        this.status = status;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
