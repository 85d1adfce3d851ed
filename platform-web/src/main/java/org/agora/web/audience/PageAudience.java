package org.agora.web.audience;

import jakarta.faces.context.FacesContext;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * What a page's bean tells the audience about the page it shows: the district of its item (a consultation, a
 * project, an envelope, a council of that district), read by {@link AudienceFilter} once the page is answered. A page
 * about the whole city, or about no item, says nothing and counts under no district. Never the visitor's own
 * district: a count must say what the page was about, not who looked at it.
 */
public final class PageAudience {

    /** The request attribute that carries the district. */
    static final String DISTRICT = PageAudience.class.getName() + ".district";

    private PageAudience() {
    }

    /** The page shows an item of this district (nothing when empty: a city-wide item). */
    public static void about(Optional<DistrictCode> district) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && district != null && district.isPresent()) {
            faces.getExternalContext().getRequestMap().put(DISTRICT, district.get());
        }
    }

    /** The page shows an item of this district. */
    public static void about(DistrictCode district) {
        about(Optional.ofNullable(district));
    }
}
