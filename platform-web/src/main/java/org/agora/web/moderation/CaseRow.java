package org.agora.web.moderation;

import java.io.Serializable;
import java.util.Locale;
import org.agora.moderation.ModerationCase;
import org.agora.shared.DistrictCode;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.Texts;

/**
 * A moderation case as the queue and the case page show it, worded for the reader. A class with getters: Faces' EL
 * does not read record components. Every text is plain and escaped by the page (an excerpt may hold anything).
 */
public final class CaseRow implements Serializable {

    private final long id;
    private final String kind;
    private final String district;
    private final String author;
    private final String excerpt;
    private final String state;
    private final String stateName;
    private final String publicReason;
    private final int openReports;
    private final String opened;

    CaseRow(ModerationCase c, Locale locale) {
        this.id = c.getId();
        this.kind = Texts.format(locale, "moderation.kind." + c.getItem().kind().name());
        this.district = c.getDistrict().map(DistrictCode::value).orElse(Texts.format(locale, "moderation.cityWide"));
        this.author = c.getAuthor();
        this.excerpt = c.getExcerpt();
        this.state = c.getState().name();
        this.stateName = Texts.format(locale, "moderation.state." + c.getState().name());
        this.publicReason = c.getPublicReason().orElse(null);
        this.openReports = c.getOpenReports();
        this.opened = CityTime.dateTime(c.getOpenedAt(), locale);
    }

    public long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getDistrict() {
        return district;
    }

    public String getAuthor() {
        return author;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getState() {
        return state;
    }

    public String getStateName() {
        return stateName;
    }

    public String getPublicReason() {
        return publicReason;
    }

    public int getOpenReports() {
        return openReports;
    }

    public String getOpened() {
        return opened;
    }
}
