package org.agora.participation;

import java.time.LocalDate;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;

/** A person without an account as staff enter them from their papers: full name, birth date and district. */
public record InPersonResident(String fullName, LocalDate birthDate, DistrictCode district) {

    public InPersonResident {
        fullName = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
        if (NameKey.words(fullName).size() < 2) {
            throw new InvalidInputException("fullName", "participation.register.fullNameNeeded");
        }
        if (fullName.length() > Resident.MAX_NAME) {
            throw new InvalidInputException("fullName", "participation.register.nameTooLong", Resident.MAX_NAME);
        }
        if (birthDate == null) {
            throw new InvalidInputException("birthDate", "participation.register.birthDateNeeded");
        }
        if (birthDate.getYear() < 1900 || birthDate.isAfter(LocalDate.now())) {
            throw new InvalidInputException("birthDate", "participation.register.birthDateImpossible");
        }
        if (district == null) {
            throw new InvalidInputException("district", "participation.register.districtNeeded");
        }
    }
}
