package org.agora.web.participation;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.agora.participation.RegisterEntry;
import org.agora.shared.DistrictCode;

/**
 * A person as the desk and the register page show them, found on the register or among the accounts: what tells
 * people apart (name, account, birth date or year, district), whether they are on the register yet and, at a desk,
 * whether they have voted in the envelope's scope. A plain value for the view's state.
 */
public final class RegisterRow implements Serializable {

    private final Long residentId;
    private final String account;
    private final String name;
    private final String born;
    private final String district;
    private final boolean voted;

    private RegisterRow(Long residentId, String account, String name, String born, String district, boolean voted) {
        this.residentId = residentId;
        this.account = account;
        this.name = name;
        this.born = born;
        this.district = district;
        this.voted = voted;
    }

    public static RegisterRow of(RegisterEntry entry, boolean voted, Locale locale) {
        String born = entry.birthDate()
                .map(d -> d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)))
                .or(() -> entry.birthYear().map(String::valueOf)).orElse("—");
        return new RegisterRow(entry.residentId().orElse(null), entry.account().orElse(null), entry.name(), born,
                entry.district().map(DistrictCode::value).orElse("—"), voted);
    }

    /** The key the page's buttons send back: the register's id, or the account for one not on the register yet. */
    public String getKey() {
        return residentId != null ? "r" + residentId : "a" + account;
    }

    public Optional<Long> residentId() {
        return Optional.ofNullable(residentId);
    }

    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    public String getName() {
        return name;
    }

    public String getAccount() {
        return account;
    }

    public String getBorn() {
        return born;
    }

    public String getDistrict() {
        return district;
    }

    public boolean isVoted() {
        return voted;
    }

    public boolean isOnRegister() {
        return residentId != null;
    }
}
