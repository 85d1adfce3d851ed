package org.agora.participation;

import java.time.LocalDate;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * A person a desk search found: on the register (with its id), or an account of the directory not yet on it. What
 * staff see to tell people apart: name, account, birth date or year, district. Never the e-mail address in full.
 */
public record RegisterEntry(Optional<Long> residentId, Optional<String> account, String name,
                            Optional<LocalDate> birthDate, Optional<Integer> birthYear, Optional<DistrictCode> district) {

    static RegisterEntry of(Resident resident) {
        return new RegisterEntry(Optional.of(resident.getId()), resident.getAccount(), resident.getShownName(),
                resident.getBirthDate(), resident.getBirthYear(), resident.getDistrict());
    }

    /** The entry, named as its account is when the register has no name for the person. */
    static RegisterEntry of(Resident resident, Optional<String> accountName) {
        String name = resident.getFullName().or(() -> accountName).orElse(resident.getShownName());
        return new RegisterEntry(Optional.of(resident.getId()), resident.getAccount(), name, resident.getBirthDate(),
                resident.getBirthYear(), resident.getDistrict());
    }

    static RegisterEntry of(ResidentDirectory.Account account) {
        return new RegisterEntry(Optional.empty(), Optional.of(account.username()),
                account.fullName().orElse(account.username()), Optional.empty(), account.birthYear(), account.district());
    }

    public boolean isOnRegister() {
        return residentId.isPresent();
    }
}
