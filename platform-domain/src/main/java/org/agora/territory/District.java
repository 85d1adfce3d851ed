package org.agora.territory;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;

/**
 * A district (arrondissement) of the city: a stable code, a unique name, and the population that turnout
 * figures are measured against. It owns its neighbourhoods, whose names are unique within it.
 */
@Entity
@Table(name = "districts")
public class District {

    /** Above any real district; catches a typo of a few extra digits. */
    public static final int MAX_POPULATION = 5_000_000;

    @Id
    @SequenceGenerator(name = "district_ids", sequenceName = "district_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "district_ids")
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String name;

    @Column(name = "name_key", nullable = false, unique = true, length = Label.MAX_LENGTH)
    private String nameKey;

    @Column(nullable = false)
    private int population;

    @OneToMany(mappedBy = "district", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Neighbourhood> neighbourhoods = new ArrayList<>();

    @Version
    private int version;

    protected District() {
        // for JPA
    }

    public District(DistrictCode code, Label name, Integer population) {
        this.code = code.value();
        rename(name);
        changePopulation(population);
    }

    public void rename(Label newName) {
        this.name = newName.text();
        this.nameKey = newName.key();
    }

    public void changePopulation(Integer newPopulation) {
        if (newPopulation == null) {
            throw new InvalidInputException("population", "validation.required");
        }
        if (newPopulation < 0 || newPopulation > MAX_POPULATION) {
            throw new InvalidInputException("population", "validation.range", 0, MAX_POPULATION);
        }
        this.population = newPopulation;
    }

    /** Adds a neighbourhood, refusing a name the district already has. */
    public Neighbourhood addNeighbourhood(Label neighbourhoodName) {
        refuseDuplicate(neighbourhoodName, null);
        Neighbourhood neighbourhood = new Neighbourhood(this, neighbourhoodName);
        neighbourhoods.add(neighbourhood);
        return neighbourhood;
    }

    void refuseDuplicate(Label neighbourhoodName, Neighbourhood except) {
        boolean taken = neighbourhoods.stream()
                .anyMatch(n -> n != except && n.nameKey().equals(neighbourhoodName.key()));
        if (taken) {
            throw new ConflictException("name", "territory.neighbourhood.name.duplicate", neighbourhoodName.text());
        }
    }

    public Long getId() {
        return id;
    }

    public DistrictCode getCode() {
        return new DistrictCode(code);
    }

    public String getName() {
        return name;
    }

    public int getPopulation() {
        return population;
    }

    public List<Neighbourhood> getNeighbourhoods() {
        return Collections.unmodifiableList(neighbourhoods);
    }
}
