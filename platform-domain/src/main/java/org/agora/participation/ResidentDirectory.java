package org.agora.participation;

import java.util.List;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * The accounts of the identity provider (Keycloak), as a town-hall desk looks a person up: by username, e-mail
 * address or name. A port: the platform does not keep the accounts; an account that has never signed in to the
 * platform is on the register only once staff pick it ({@link ResidentRegister#enlistAccount}).
 */
public interface ResidentDirectory {

    /** An account as the directory describes it now. */
    record Account(String username, Optional<String> fullName, Optional<String> email, Optional<DistrictCode> district,
                   Optional<Integer> birthYear) {
    }

    /** Accounts whose username, e-mail address or name contains the text; at most {@code max}. */
    List<Account> search(String text, int max);

    Optional<Account> find(String username);

    /** A directory that knows no account (tests, or a platform without an identity provider's admin access). */
    ResidentDirectory NONE = new ResidentDirectory() {
        @Override
        public List<Account> search(String text, int max) {
            return List.of();
        }

        @Override
        public Optional<Account> find(String username) {
            return Optional.empty();
        }
    };
}
