package org.agora.consultation;

/** What a visitor narrows the list of consultations to; a null part does not narrow. */
public record ConsultationFilter(String districtCode, Long themeId, ConsultationStatus status) {

    public static ConsultationFilter none() {
        return new ConsultationFilter(null, null, null);
    }
}
