package org.agora.budget.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.agora.shared.InvalidInputException;

/** A point on the map (WGS 84 degrees, six decimals: about 10 cm), where a project would be. */
public record MapPoint(BigDecimal latitude, BigDecimal longitude) {

    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    public MapPoint {
        if (latitude == null || latitude.abs().compareTo(MAX_LATITUDE) > 0) {
            throw new InvalidInputException("latitude", "budget.project.latitudeRange");
        }
        if (longitude == null || longitude.abs().compareTo(MAX_LONGITUDE) > 0) {
            throw new InvalidInputException("longitude", "budget.project.longitudeRange");
        }
        latitude = latitude.setScale(6, RoundingMode.HALF_UP);
        longitude = longitude.setScale(6, RoundingMode.HALF_UP);
    }

    /** The point of a form: none when both are empty, refused when only one of the two is given. */
    public static Optional<MapPoint> of(BigDecimal latitude, BigDecimal longitude) {
        if (latitude == null && longitude == null) {
            return Optional.empty();
        }
        if (latitude == null) {
            throw new InvalidInputException("latitude", "budget.project.pointIncomplete");
        }
        if (longitude == null) {
            throw new InvalidInputException("longitude", "budget.project.pointIncomplete");
        }
        return Optional.of(new MapPoint(latitude, longitude));
    }
}
