package org.agora.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.agora.shared.Label;

/** A neighbourhood (quartier) of a district; a neighbourhood council may later be attached to it. */
@Entity
@Table(name = "neighbourhoods")
public class Neighbourhood {

    @Id
    @SequenceGenerator(name = "neighbourhood_ids", sequenceName = "neighbourhood_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "neighbourhood_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "district_id")
    private District district;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String name;

    @Column(name = "name_key", nullable = false, length = Label.MAX_LENGTH)
    private String nameKey;

    @Version
    private int version;

    protected Neighbourhood() {
        // for JPA
    }

    Neighbourhood(District district, Label name) {
        this.district = district;
        this.name = name.text();
        this.nameKey = name.key();
    }

    /** Renames it, refusing a name another neighbourhood of the same district has. */
    public void rename(Label newName) {
        district.refuseDuplicate(newName, this);
        this.name = newName.text();
        this.nameKey = newName.key();
    }

    public Long getId() {
        return id;
    }

    public District getDistrict() {
        return district;
    }

    public String getName() {
        return name;
    }

    String nameKey() {
        return nameKey;
    }
}
