package org.agora.budget.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.participation.RegisteredResidents;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;

/**
 * An envelope's {@link Turnout}, shown with its results and to the same people: its ballots against its district's
 * population, and its voters with an account against the registered residents, or the whole city's for the city-wide
 * envelope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TurnoutService {

    private EntityManager em;
    private TerritoryService territory;
    private RegisteredResidents residents;
    private VotingService voting;

    protected TurnoutService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public TurnoutService(EntityManager em, TerritoryService territory, RegisteredResidents residents,
                          VotingService voting) {
        this.em = em;
        this.territory = territory;
        this.residents = residents;
        this.voting = voting;
    }

    public Turnout turnout(Actor actor, long envelopeId, Instant now) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        if (!BudgetPermissions.canSeeResults(actor, envelope, now)) {
            throw new NotAllowedException("budget.results.notYet");
        }
        long ballots = voting.ballotsByChannel(envelopeId).values().stream().mapToLong(Long::longValue).sum();
        long accountVoters = ((Number) em.createNativeQuery("select count(*) from vote_marks m join residents r"
                + " on r.id = m.resident_id where m.envelope_id = ? and r.account is not null")
                .setParameter(1, envelopeId).getSingleResult()).longValue();
        if (envelope.getDistrict().isPresent()) {
            DistrictCode code = envelope.getDistrict().get();
            return new Turnout(ballots, territory.getDistrict(code.value()).getPopulation(), accountVoters,
                    residents.inDistrict(code));
        }
        long population = 0;
        Optional<Long> registered = Optional.of(0L);
        for (District district : territory.districts()) {
            population += district.getPopulation();
            // one unknown district makes the city's figure unknown; the others are not even asked
            registered = registered.flatMap(sum -> residents.inDistrict(district.getCode()).map(n -> sum + n));
        }
        return new Turnout(ballots, population, accountVoters, registered);
    }
}
