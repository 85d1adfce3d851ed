package org.agora.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.shared.EndedSignIns;
import org.agora.shared.EndedSignIns.Ended;

/**
 * The Keycloak sessions that ended while people were signed in to the platform through them (back-channel logout):
 * a person signing out of another application of the realm, an administrator ending their sessions, Keycloak's own
 * limits. The instance Keycloak tells notes it in the database and here at once; the others read the database every
 * few seconds ({@link #catchUp()}). A browser session signed in through an ended Keycloak session is ended at its
 * next request ({@link AgoraAuthenticationMechanism}).
 */
@ApplicationScoped
public class EndedKeycloakSessions {

    /** Longer than a Keycloak session lives (ten hours by default): what ended earlier signs nobody in any more. */
    static final Duration KEPT = Duration.ofDays(1);
    /** How far back each reading looks again: a transaction committing late on another instance is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(1);

    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private EndedSignIns store;
    private Clock clock;
    private volatile Instant readUntil;

    protected EndedKeycloakSessions() {
        // for CDI
    }

    @Inject
    public EndedKeycloakSessions(EndedSignIns store) {
        this(store, Clock.systemUTC());
    }

    EndedKeycloakSessions(EndedSignIns store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.readUntil = clock.instant().minus(KEPT);
    }

    /** Keycloak says this session ended: noted for every instance, and here at once. */
    public void end(String sessionId) {
        Instant now = clock.instant();
        store.note(new Ended(sessionId, now));
        ended.put(sessionId, now);
    }

    /** Whether the Keycloak session a browser signed in through has ended. */
    public boolean ended(String sessionId) {
        return sessionId != null && ended.containsKey(sessionId);
    }

    /** Reads what ended on the other instances since the last reading, and forgets what is too old to matter. */
    public void catchUp() {
        Instant now = clock.instant();
        for (Ended e : store.since(readUntil.minus(OVERLAP))) {
            ended.putIfAbsent(e.sessionId(), e.at());
        }
        readUntil = now;
        Instant forgotten = now.minus(KEPT);
        ended.values().removeIf(at -> at.isBefore(forgotten));
        store.forget(forgotten);
    }
}
