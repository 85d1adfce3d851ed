package org.agora.newsletter;

import java.util.Optional;
import java.util.Set;
import org.agora.shared.DistrictCode;

/**
 * Whom a newsletter is for, among the residents who opted in: a resident matches when they live in one of the chosen
 * districts (if any are chosen) AND follow one of the chosen themes (if any) AND took part as the participation
 * filter says (if there is one). No district means the whole city, which only the office may write to
 * ({@link NewsletterPermissions}).
 */
public record Audience(Set<DistrictCode> districts, Set<Long> themes, Optional<Filter> participation) {

    /** Took part in this way, in this call, consultation or council. */
    public record Filter(Participation kind, long id) {
    }

    /** What is known of one resident, for {@link #matches}: their district on the register, themes, participations. */
    public record Reader(Optional<DistrictCode> district, Set<Long> followedThemes, Set<Filter> participations) {
    }

    public static final Audience WHOLE_CITY = new Audience(Set.of(), Set.of(), Optional.empty());

    public Audience {
        districts = Set.copyOf(districts);
        themes = Set.copyOf(themes);
        participation = participation == null ? Optional.empty() : participation;
    }

    public boolean isCityWide() {
        return districts.isEmpty();
    }

    /** The rule itself; the recipients' query ({@link Recipients}) says the same in SQL. */
    public boolean matches(Reader reader) {
        boolean inDistrict = districts.isEmpty() || reader.district().filter(districts::contains).isPresent();
        boolean followsTheme = themes.isEmpty() || reader.followedThemes().stream().anyMatch(themes::contains);
        boolean tookPart = participation.isEmpty() || reader.participations().contains(participation.get());
        return inDistrict && followsTheme && tookPart;
    }
}
