package org.agora.budget.vote;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.agora.shared.NotAllowedException;
import org.agora.shared.UnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The election keys of this instance: the operators' {@link SealingSecret} ({@value SealingSecret#KEY}) and, by
 * envelope, the checked key its ballots are sealed to. Without a valid secret nothing is sealed (casting is refused
 * with {@code budget.seal.noSecret}) and nothing is counted: a ballot is never stored in the clear.
 */
@ApplicationScoped
public class ElectionKeys {

    private static final Logger LOG = Logger.getLogger(ElectionKeys.class.getName());

    @Inject
    @ConfigProperty(name = SealingSecret.KEY)
    Optional<String> configured;

    private Optional<SealingSecret> secret = Optional.empty();

    /** Keys read from a committed row and checked against the secret, by envelope: they never change. */
    private final Map<Long, ElectionKey> checked = new ConcurrentHashMap<>();

    protected ElectionKeys() {
        // for CDI
    }

    /** Outside a container: these keys are derived from this secret (none: sealing and counting are refused). */
    public ElectionKeys(Optional<SealingSecret> secret) {
        this.secret = secret;
    }

    /** Outside a container, the secret configured as a system property or an environment variable. */
    public static ElectionKeys fromSystem() {
        return new ElectionKeys(SealingSecret.fromSystem());
    }

    /** Reads the secret when the application starts, so that a missing one is logged then, not at the first vote. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        secret.isPresent(); // the call makes the container create this bean
    }

    @PostConstruct
    void readSecret() {
        try {
            secret = configured.filter(value -> !value.isBlank()).map(SealingSecret::of);
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "Ballots cannot be sealed: " + e.getMessage()); // the reason, never the value
        }
        if (secret.isEmpty()) {
            LOG.warning(() -> "No valid " + SealingSecret.KEY + " (AGORA_BALLOTS_SEALING_SECRET): online and desk votes"
                    + " are refused and sealed ballots cannot be counted");
        }
    }

    /** The secret, or the refusal that says it is missing. */
    SealingSecret secret() {
        return secret.orElseThrow(() -> new UnavailableException("budget.seal.noSecret"));
    }

    /**
     * The key to seal the envelope's next ballot to, made if the envelope has none yet (its ballots naming at most
     * {@code capacity} projects, asked only then). Refused when no secret is configured, when the configured one does
     * not derive the stored key, or when the envelope has been counted already.
     */
    ElectionKey forSealing(Connection connection, long envelopeId, IntSupplier capacity) {
        SealingSecret secret = secret();
        ElectionKey kept = checked.get(envelopeId);
        if (kept != null) {
            return kept;
        }
        Optional<SealedBallots.StoredKey> stored = SealedBallots.findKey(connection, envelopeId);
        if (stored.isEmpty()) {
            SealedBallots.StoredKey made = SealedBallots.findOrCreateKey(connection, envelopeId, capacity.getAsInt(), secret);
            // not kept: made in this transaction, it is gone if the transaction rolls back; the next ballot reads it
            return usable(made).checkedWith(secret);
        }
        ElectionKey key = usable(stored.get()).checkedWith(secret);
        checked.put(envelopeId, key);
        return key;
    }

    private static ElectionKey usable(SealedBallots.StoredKey stored) {
        if (stored.counted()) {
            throw new NotAllowedException("budget.vote.notOpen");
        }
        return stored.key();
    }
}
