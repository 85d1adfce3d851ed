package org.agora.participation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * A person on the platform's register: an account holder, enlisted from their account the first time they sign in
 * or vote, or a person without an account whom town-hall staff entered at a desk from their papers. The register's
 * district and birth year are what a vote's eligibility reads; the person cannot change them by editing their
 * account (staff do, with a trace: {@link ResidentChange}).
 */
@Entity
@Table(name = "residents")
public class Resident {

    public static final int MAX_NAME = 200;

    @Id
    @SequenceGenerator(name = "resident_ids", sequenceName = "resident_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resident_ids")
    private Long id;

    @Column(length = 100)
    private String account;

    @Column(name = "full_name", length = MAX_NAME)
    private String fullName;

    @Column(name = "name_key", length = MAX_NAME)
    private String nameKey;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "birth_year")
    private Integer birthYear;

    @Column(name = "district_code", length = 32)
    private String districtCode;

    @Column(name = "district_changed_at")
    private OffsetDateTime districtChangedAt;

    @Column(name = "enlisted_at", nullable = false)
    private OffsetDateTime enlistedAt;

    @Column(name = "enlisted_by", length = 100)
    private String enlistedBy;

    @Version
    private int version;

    protected Resident() {
        // for JPA
    }

    private Resident(String account, String fullName, LocalDate birthDate, Integer birthYear,
                     Optional<DistrictCode> district, Instant now, String enlistedBy) {
        this.account = account;
        this.fullName = fullName;
        this.nameKey = fullName == null ? null : NameKey.of(fullName);
        this.birthDate = birthDate;
        this.birthYear = birthYear;
        this.districtCode = district.map(DistrictCode::value).orElse(null);
        this.enlistedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.enlistedBy = enlistedBy;
    }

    /** An account holder, as their account describes them when they are enlisted. */
    static Resident ofAccount(String account, Optional<String> fullName, Optional<DistrictCode> district,
                              Optional<Integer> birthYear, Instant now) {
        return new Resident(account, fullName.map(String::strip).filter(n -> !n.isEmpty()).orElse(null), null,
                birthYear.orElse(null), district, now, null);
    }

    /** A person without an account, entered by staff from their papers. */
    static Resident inPerson(InPersonResident person, Instant now, String staff) {
        return new Resident(null, person.fullName(), person.birthDate(), person.birthDate().getYear(),
                Optional.of(person.district()), now, staff);
    }

    void moveTo(DistrictCode district, Instant now) {
        this.districtCode = district.value();
        this.districtChangedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** When staff last moved the person (never: enlisted where they are). */
    Optional<Instant> districtChangedAt() {
        return Optional.ofNullable(districtChangedAt).map(OffsetDateTime::toInstant);
    }

    /** Names an account holder enlisted without a name (by a vote through the API). */
    void named(String name) {
        if (fullName == null && name != null && !name.isBlank()) {
            this.fullName = name.strip();
            this.nameKey = NameKey.of(this.fullName);
        }
    }

    void bornIn(int year) {
        this.birthYear = year;
    }

    public Long getId() {
        return id;
    }

    /** The username of the person's account; empty for a person entered at a desk without one. */
    public Optional<String> getAccount() {
        return Optional.ofNullable(account);
    }

    public Optional<String> getFullName() {
        return Optional.ofNullable(fullName);
    }

    /** The name to show staff: the full name, else the account's username. */
    public String getShownName() {
        return fullName != null ? fullName : account;
    }

    public Optional<LocalDate> getBirthDate() {
        return Optional.ofNullable(birthDate);
    }

    public Optional<Integer> getBirthYear() {
        return Optional.ofNullable(birthYear);
    }

    /** The district the register has for the person now. */
    public Optional<DistrictCode> getDistrict() {
        return Optional.ofNullable(districtCode).map(DistrictCode::new);
    }

    public Instant getEnlistedAt() {
        return enlistedAt.toInstant();
    }

    /** The staff member who entered the person; empty when they enlisted themselves by signing in. */
    public Optional<String> getEnlistedBy() {
        return Optional.ofNullable(enlistedBy);
    }
}
