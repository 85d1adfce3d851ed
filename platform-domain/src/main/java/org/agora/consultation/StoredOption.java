package org.agora.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An option, a matrix row or a matrix column as stored beside its question. */
@Embeddable
public class StoredOption {

    enum Role { OPTION, ROW, COLUMN }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Role role;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 120)
    private String label;

    protected StoredOption() {
        // for JPA
    }

    StoredOption(Role role, Option option) {
        this.role = role;
        this.code = option.id();
        this.label = option.label();
    }

    Role role() {
        return role;
    }

    Option toOption() {
        return new Option(code, label);
    }
}
