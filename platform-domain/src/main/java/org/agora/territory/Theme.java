package org.agora.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.agora.shared.Label;

/** A theme (mobility, green spaces, culture...) that tags consultations, projects and posts. */
@Entity
@Table(name = "themes")
public class Theme {

    @Id
    @SequenceGenerator(name = "theme_ids", sequenceName = "theme_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "theme_ids")
    private Long id;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String name;

    @Column(name = "name_key", nullable = false, unique = true, length = Label.MAX_LENGTH)
    private String nameKey;

    @Version
    private int version;

    protected Theme() {
        // for JPA
    }

    public Theme(Label name) {
        rename(name);
    }

    public void rename(Label newName) {
        this.name = newName.text();
        this.nameKey = newName.key();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
