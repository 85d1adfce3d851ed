package org.agora.budget.vote;

import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * The two ballots a person has in a call: one in a district envelope (the district that was theirs when the vote
 * opened) and one in the city-wide envelope. The has-voted mark is kept per call and scope, not per envelope, so that
 * moving to another district never gives a second district ballot.
 */
public enum VoteScope {
    DISTRICT,
    CITY;

    static VoteScope of(Optional<DistrictCode> envelopeDistrict) {
        return envelopeDistrict.isPresent() ? DISTRICT : CITY;
    }
}
