package org.agora.consultation;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;

/** Who a consultation is for: the whole city, or the residents of one district. */
public record ConsultationScope(Optional<DistrictCode> district) {

    public static ConsultationScope city() {
        return new ConsultationScope(Optional.empty());
    }

    public static ConsultationScope of(DistrictCode district) {
        return new ConsultationScope(Optional.of(district));
    }

    /** A city-wide consultation includes every resident; a district one, those whose home district it is. */
    public boolean includes(Actor resident) {
        return district.map(d -> resident.homeDistrict().filter(d::equals).isPresent()).orElse(true);
    }
}
