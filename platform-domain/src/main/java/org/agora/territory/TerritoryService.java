package org.agora.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;
import org.agora.shared.NotFoundException;

/**
 * Use cases of the territory: reading districts, neighbourhoods and themes (public), and changing them
 * (office-admin; district agents for the neighbourhoods of their districts). Each change is one transaction;
 * names are unique by a database constraint as well as by the check here, which gives the friendly message.
 */
@ApplicationScoped
@Transactional
public class TerritoryService {

    private EntityManager em;

    protected TerritoryService() {
        // for CDI
    }

    /** The entity manager: injected by CDI, or given by hand outside a container. */
    @Inject
    public TerritoryService(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<District> districts() {
        return em.createQuery("select d from District d order by d.name", District.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<District> findDistrict(String code) {
        DistrictCode districtCode = DistrictCode.parse(code)
                .orElseThrow(() -> new InvalidInputException("code", "territory.district.code.malformed", String.valueOf(code)));
        return em.createQuery("select d from District d where d.code = :code", District.class)
                .setParameter("code", districtCode.value())
                .getResultStream().findFirst();
    }

    /** The district with that code; a malformed code is invalid input, an unknown one is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public District getDistrict(String code) {
        return findDistrict(code).orElseThrow(() -> new NotFoundException("territory.district.notFound", code));
    }

    public District createDistrict(Actor actor, DistrictDraft draft) {
        TerritoryPermissions.requireDistrictsAndThemes(actor);
        DistrictCode code = DistrictCode.parse(draft.code())
                .orElseThrow(() -> new InvalidInputException("code", "territory.district.code.malformed", String.valueOf(draft.code())));
        Label name = Label.of("name", draft.name());
        District district = new District(code, name, draft.population());
        if (findDistrict(code.value()).isPresent()) {
            throw new ConflictException("code", "territory.district.code.duplicate", code.value());
        }
        refuseDuplicateName(District.class, name, null, "territory.district.name.duplicate");
        em.persist(district);
        Constraints.flush(em, () -> new ConflictException("name", "territory.district.name.duplicate", name.text()));
        return district;
    }

    public District updateDistrict(Actor actor, String code, DistrictDraft draft) {
        TerritoryPermissions.requireDistrictsAndThemes(actor);
        District district = getDistrict(code);
        Label name = Label.of("name", draft.name());
        refuseDuplicateName(District.class, name, district, "territory.district.name.duplicate");
        district.rename(name);
        district.changePopulation(draft.population());
        Constraints.flush(em, () -> new ConflictException("name", "territory.district.name.duplicate", name.text()));
        return district;
    }

    public Neighbourhood addNeighbourhood(Actor actor, String districtCode, String name) {
        District district = getDistrict(districtCode);
        TerritoryPermissions.requireNeighbourhoods(actor, district.getCode());
        Neighbourhood neighbourhood = district.addNeighbourhood(Label.of("name", name));
        Constraints.flush(em, () -> new ConflictException("name", "territory.neighbourhood.name.duplicate", neighbourhood.getName()));
        return neighbourhood;
    }

    public Neighbourhood renameNeighbourhood(Actor actor, long neighbourhoodId, String name) {
        Neighbourhood neighbourhood = getNeighbourhood(neighbourhoodId);
        TerritoryPermissions.requireNeighbourhoods(actor, neighbourhood.getDistrict().getCode());
        neighbourhood.rename(Label.of("name", name));
        Constraints.flush(em, () -> new ConflictException("name", "territory.neighbourhood.name.duplicate", neighbourhood.getName()));
        return neighbourhood;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Neighbourhood getNeighbourhood(long id) {
        return Optional.ofNullable(em.find(Neighbourhood.class, id))
                .orElseThrow(() -> new NotFoundException("territory.neighbourhood.notFound", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Theme> themes() {
        return em.createQuery("select t from Theme t order by t.name", Theme.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Theme getTheme(long id) {
        return Optional.ofNullable(em.find(Theme.class, id))
                .orElseThrow(() -> new NotFoundException("territory.theme.notFound", id));
    }

    public Theme createTheme(Actor actor, String name) {
        TerritoryPermissions.requireDistrictsAndThemes(actor);
        Label label = Label.of("name", name);
        refuseDuplicateName(Theme.class, label, null, "territory.theme.name.duplicate");
        Theme theme = new Theme(label);
        em.persist(theme);
        Constraints.flush(em, () -> new ConflictException("name", "territory.theme.name.duplicate", label.text()));
        return theme;
    }

    public Theme renameTheme(Actor actor, long themeId, String name) {
        TerritoryPermissions.requireDistrictsAndThemes(actor);
        Theme theme = getTheme(themeId);
        Label label = Label.of("name", name);
        refuseDuplicateName(Theme.class, label, theme, "territory.theme.name.duplicate");
        theme.rename(label);
        Constraints.flush(em, () -> new ConflictException("name", "territory.theme.name.duplicate", label.text()));
        return theme;
    }

    /**
     * Writes the change now, so that a unique constraint hit by a concurrent request (the check above passed in
     * both) becomes the same clear conflict instead of an error at commit.
     */
    /** Refuses a name another district (or theme) already has, ignoring case and accents. */
    private <T> void refuseDuplicateName(Class<T> type, Label name, T except, String messageKey) {
        boolean taken = em.createQuery("select e from " + type.getSimpleName() + " e where e.nameKey = :key", type)
                .setParameter("key", name.key())
                .getResultStream().anyMatch(e -> e != except);
        if (taken) {
            throw new ConflictException("name", messageKey, name.text());
        }
    }
}
