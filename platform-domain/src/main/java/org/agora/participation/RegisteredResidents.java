package org.agora.participation;

import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * The residents who have registered on the platform, as the identity provider knows them: accounts with the
 * {@code resident} role whose home district is the given one. A port: the platform does not keep the accounts
 * itself (Keycloak does), so the answer may be unknown for a while (the directory is slow or down), and then it is
 * empty rather than a guess.
 */
public interface RegisteredResidents {

    /** How many registered residents have this home district; empty when the directory cannot say now. */
    Optional<Long> inDistrict(DistrictCode district);
}
