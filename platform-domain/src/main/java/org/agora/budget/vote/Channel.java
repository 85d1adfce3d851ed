package org.agora.budget.vote;

/** How a ballot reached the count: cast online, recorded by staff at a town-hall desk, or counted on paper. */
public enum Channel {
    ONLINE,
    DESK,
    PAPER
}
