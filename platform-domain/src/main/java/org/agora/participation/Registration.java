package org.agora.participation;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * A resident's entry as a vote reads it from the register: the id its has-voted mark names, the district and when
 * staff last moved the person, and the birth year. Read in one statement, without the entity (a vote needs only
 * these), on the caller's transaction's connection.
 */
public record Registration(long residentId, Optional<DistrictCode> district, Optional<Instant> districtChangedAt,
                           Optional<Integer> birthYear) {

    private static final String SELECT = "select id, district_code, district_changed_at, birth_year from residents"
            + " where account = ?";

    /** Whether staff moved the person after this moment (then the trace tells where they were at it). */
    boolean districtChangedAfter(Instant moment) {
        return districtChangedAt.filter(changed -> changed.isAfter(moment)).isPresent();
    }

    static Optional<Registration> ofAccount(Connection connection, String account) {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int birthYear = row.getInt(4);
                Optional<Integer> born = row.wasNull() ? Optional.empty() : Optional.of(birthYear);
                return Optional.of(new Registration(row.getLong(1),
                        Optional.ofNullable(row.getString(2)).map(DistrictCode::new),
                        Optional.ofNullable(row.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant), born));
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** The entry of a resident read as an entity. */
    public static Registration of(Resident resident) {
        return new Registration(resident.getId(), resident.getDistrict(), resident.districtChangedAt(),
                resident.getBirthYear());
    }
}
