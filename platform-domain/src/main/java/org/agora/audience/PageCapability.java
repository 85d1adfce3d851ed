package org.agora.audience;

/**
 * The space of the platform a counted page belongs to, read from its address's first folder: the audience is told
 * per capability as well as per page.
 */
public enum PageCapability {
    /** The home page. */
    HOME,
    /** {@code /consultations/...}. */
    CONSULTATION,
    /** {@code /budget/...}: calls, projects, the ballot, results, follow-up. */
    BUDGET,
    /** {@code /councils/...}. */
    COUNCIL,
    /** {@code /newsletters/...}. */
    NEWSLETTER,
    /** {@code /notifications/...}. */
    NOTIFICATION,
    /** The person's own pages: the profile, the goodbye after a deletion. */
    ACCOUNT,
    /** The privacy notice, the terms, the accessibility statement. */
    INFORMATION
}
