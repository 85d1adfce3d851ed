package org.agora.council;

/**
 * Where a person stands for a meeting: a seat ({@code REGISTERED}), a place on the waiting list ({@code WAITING},
 * promoted in order when a seat frees up), or no longer coming ({@code CANCELLED}).
 */
public enum RegistrationStatus {
    REGISTERED,
    WAITING,
    CANCELLED
}
