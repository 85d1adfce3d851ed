package org.agora.web.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, each instance reads the Keycloak sessions that ended on another instance's word, so that a
 * person signed out at Keycloak is signed out of every instance within seconds, not only of the one Keycloak told.
 */
@Singleton
public class EndedSessionsScheduler {

    private static final Logger LOG = Logger.getLogger(EndedSessionsScheduler.class.getName());

    @Inject
    EndedKeycloakSessions sessions;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void catchUp() {
        try {
            sessions.catchUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The ended Keycloak sessions were not read this time; the next run retries", e);
        }
    }
}
