package org.agora.consultation;

import java.time.Instant;

/** What an organiser typed to create a consultation; checked by {@link ConsultationService}. */
public record ConsultationDraft(String title, String description, Long themeId, String districtCode,
                                Instant opensAt, Instant closesAt, boolean anonymous, boolean answersEditable) {
}
