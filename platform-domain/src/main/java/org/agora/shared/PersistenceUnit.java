package org.agora.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The platform's persistence unit as a CDI bean: services take the container's entity manager in their constructor,
 * with their collaborators, so that the persistence tests build them the same way with an entity manager of their own.
 */
@ApplicationScoped
public class PersistenceUnit {

    @Produces
    @PersistenceContext(unitName = "agora")
    private EntityManager em;
}
